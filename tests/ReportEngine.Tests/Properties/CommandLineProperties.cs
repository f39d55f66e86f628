using ReportEngine.Foundation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ReportEngine.Tests.Properties;

/// <summary>Datasets no one has tried, through the real command line (the same changes as the fast tier's <c>DatasetProperties</c>).</summary>
public sealed class CommandLineProperties
{
    /// <summary><c>validate</c> exits 0 or 2, never with a stack trace.</summary>
    [Property(MaxTest = 8)]
    public Property The_command_line_validates_a_changed_dataset_with_exit_0_or_2() =>
        Prop.ForAll(DatasetMutation.Several, mutations =>
        {
            using var folder = Repo.CopyOfSample();
            foreach (var mutation in mutations) mutation.ApplyTo(folder.Path);
            var (exit, output, error) = CliProcess.Run("validate", "--data", folder.Path);
            Assert.DoesNotContain("   at ", error);
            if (exit == 0)
            {
                Assert.StartsWith("valid: ", output);
                return;
            }
            Assert.Equal(FailurePolicy.Refused, exit);
            Assert.Matches(DatasetMutation.ErrorLine(), error);
        });
}
