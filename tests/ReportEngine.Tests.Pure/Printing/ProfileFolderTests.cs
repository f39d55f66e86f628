using ReportEngine.Printing;

namespace ReportEngine.Tests.Printing;

/// <summary>
/// A killed Chromium leaves its singleton socket's folder in the temporary folder; deleting its profile takes that folder
/// too, and nothing else a link in the profile could point at.
/// </summary>
public sealed class ProfileFolderTests : IDisposable
{
    private readonly string _profile = Path.Combine(Path.GetTempPath(), $"profile-test-{Guid.NewGuid():N}");
    private readonly List<string> _made = [];

    private string Folder(string path)
    {
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "SingletonSocket"), "");
        _made.Add(path);
        return path;
    }

    private void LinkSocketTo(string folder)
    {
        Directory.CreateDirectory(_profile);
        File.CreateSymbolicLink(Path.Combine(_profile, "SingletonSocket"), Path.Combine(folder, "SingletonSocket"));
    }

    [Fact]
    public async Task The_socket_folder_of_a_killed_browser_goes_with_its_profile()
    {
        var socket = Folder(Path.Combine(Path.GetTempPath(), $"org.chromium.Chromium.{Guid.NewGuid():N}"[..32]));
        LinkSocketTo(socket);
        Assert.Null(await ProfileFolder.DeleteAsync(_profile));
        Assert.False(Directory.Exists(_profile));
        Assert.False(Directory.Exists(socket));
    }

    [Theory]
    [InlineData("keep-{0}")]
    [InlineData("nested-{0}/org.chromium.Chromium.abc")]
    public async Task A_link_to_anything_else_is_not_followed(string name)
    {
        var elsewhere = Folder(Path.Combine(Path.GetTempPath(), string.Format(System.Globalization.CultureInfo.InvariantCulture, name, Guid.NewGuid().ToString("N"))));
        LinkSocketTo(elsewhere);
        Assert.Null(await ProfileFolder.DeleteAsync(_profile));
        Assert.False(Directory.Exists(_profile));
        Assert.True(File.Exists(Path.Combine(elsewhere, "SingletonSocket")));
    }

    public void Dispose()
    {
        foreach (var path in _made.Append(_profile))
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        foreach (var nested in _made.Select(Path.GetDirectoryName).OfType<string>().Where(p => Path.GetFileName(p).StartsWith("nested-", StringComparison.Ordinal)))
            if (Directory.Exists(nested)) Directory.Delete(nested, recursive: true);
    }
}
