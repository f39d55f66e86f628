using ReportEngine.Archive;

namespace ReportEngine.Tests.Archive;

/// <summary>
/// Several processes started at once on a new archive (two <c>serve</c> on one machine) all find no key: one creates the
/// signing key and publishes its public key, every other reads those, and all sign with the one key.
/// </summary>
public sealed class ArchiveSignerTests
{
    [Fact]
    public async Task Starters_racing_on_a_new_archive_all_open_the_one_key()
    {
        // The race between starters is rare per round: 20 rounds once passed a build that called a new key lost; with
        // 400 rounds that build failed within a second, so 200 rounds keep it caught at about a second's cost.
        for (var round = 0; round < 200; round++)
        {
            using var folder = new TempFolder();
            var store = new ContentStore(Path.Combine(folder.Path, ".archive"));
            var key = Path.Combine(folder.Path, "keys", "signing-key.pem");
            using var start = new Barrier(8);
            var signers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return ArchiveSigner.OpenOrCreate(key, store);
            })));
            try
            {
                Assert.Single(signers.Select(s => s.PublicKeyPem).Distinct());
                Assert.Equal(signers[0].PublicKeyPem.Trim(), File.ReadAllText(Path.Combine(store.Root, ArchiveSigner.PublicKeyFileName)).Trim());
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
            }
            finally
            {
                foreach (var signer in signers) signer.Dispose();
            }
        }
    }
}
