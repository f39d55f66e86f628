using ReportEngine.Archive;

namespace ReportEngine.Tests.Support;

public static class ArchiveVerifying
{
    /// <summary>Verifies the archive with the public key beside its objects, as <c>archive verify</c> does.</summary>
    public static async Task<ArchiveVerification> VerifyAsync(this ReportArchive archive)
    {
        using var signatures = archive.Signatures();
        return await archive.Verifier.VerifyAsync(signatures);
    }
}
