using System.CommandLine;
using System.CommandLine.Help;
using ReportEngine.Kinds;

namespace ReportEngine.Cli;

/// <summary><c>reportengine</c> and its verbs (cli.md), each with an example in its help.</summary>
internal static class CommandLineRoot
{
    public static Command Create()
    {
        var kinds = ReportKinds.Standard;
        var root = new Command("reportengine", "ReportEngine: adult social care inspection-readiness reports")
        {
            PackCommand.Create(kinds), ValidateCommand.Create(), ImportCommand.Create(), ServeCommand.Create(), ArchiveCommand.Create(kinds), UsersCommand.Create(),
            RecipientsCommand.Create(kinds), ReviewModeCommand.Create(kinds), AuditCommand.Create(), DeliverCommand.Create(), DeliverCommand.CreateList(),
        };
        HelpExamples.AddTo(root);
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        return root;
    }
}
