using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportEngine.Archive;
using ReportEngine.Hosting;
using ReportEngine.Printing;

namespace ReportEngine.Tests.Service;

/// <summary>The one convention for settings: secrets read from <c>*_FILE</c>, and the old names read with one warning each.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ConfigurationBuilder Given(Dictionary<string, string?> settings)
    {
        var builder = new ConfigurationBuilder();
        builder.AddInMemoryCollection(settings);
        return builder;
    }

    /// <summary>A setting refused is named as it is set, as a secret's is, with the rule it breaks; each one its own line.</summary>
    [Fact]
    public void A_setting_refused_is_named_as_its_environment_variable_with_the_rule_it_breaks()
    {
        var settings = Given(new()
        {
            ["ReportEngine:Chromium:PrintTimeoutSeconds"] = "0",
            ["ReportEngine:Archive:RegenerationsPerDay"] = "5000",
            ["ReportEngine:Archive:Folder"] = _folder.File("archive"),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(settings);
        services.AddOptions<ChromiumOptions>().BindSettings(SettingNames.Chromium);
        services.AddOptions<ArchiveOptions>().BindSettings(SettingNames.Archive);
        using var provider = services.BuildServiceProvider();

        var chromium = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChromiumOptions>>().Value);
        Assert.Equal(["ReportEngine__Chromium__PrintTimeoutSeconds: The field PrintTimeoutSeconds must be between 1 and 600."], chromium.Failures);
        var archive = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ArchiveOptions>>().Value);
        Assert.Equal(["ReportEngine__Archive__RegenerationsPerDay: The field RegenerationsPerDay must be between 1 and 1000."], archive.Failures);
    }

    [Fact]
    public void A_secret_is_read_from_the_file_its_FILE_setting_names_unless_given_directly()
    {
        File.WriteAllText(_folder.File("database"), "Host=db;Password=s3cret\n");
        File.WriteAllText(_folder.File("smtp"), "mail-password");
        var builder = Given(new()
        {
            ["ConnectionStrings:ReportEngine_FILE"] = _folder.File("database"),
            ["ReportEngine:Smtp:Password_FILE"] = _folder.File("smtp"),
            ["ReportEngine:Smtp:Password"] = "given",
            // Another program's variable on the same machine is not ours to read.
            ["TF_CLI_CONFIG_FILE"] = _folder.File("nowhere"),
        });
        Assert.Empty(SecretFiles.Read(builder));
        var settings = builder.Build();
        Assert.Equal("Host=db;Password=s3cret", settings["ConnectionStrings:ReportEngine"]);
        Assert.Equal("given", settings["ReportEngine:Smtp:Password"]);

        var missing = Given(new() { ["ReportEngine:Smtp:Password_FILE"] = _folder.File("nowhere") });
        var failure = Assert.Single(SecretFiles.Read(missing));
        Assert.StartsWith($"ReportEngine__Smtp__Password_FILE: {_folder.File("nowhere")} cannot be read", failure);
    }

    [Fact]
    public void Old_names_are_read_under_their_new_names_with_one_warning_each_and_a_new_name_given_wins()
    {
        var builder = Given(new()
        {
            ["Archive:Folder"] = "/old/archive",
            ["Archive:Objects"] = "postgresql",
            ["ReportEngine:Archive:Objects"] = "files",
            ["ReportEngine:Database"] = "Host=old",
            ["Auth:Oidc:ClientId"] = "client",
            ["REPORTENGINE_ARCHIVE_KEY"] = "/keys/archive.pem",
        });
        var warnings = SettingNames.ReadOldNames(builder);
        var settings = builder.Build();
        Assert.Equal("/old/archive", settings["ReportEngine:Archive:Folder"]);
        Assert.Equal("files", settings["ReportEngine:Archive:Objects"]);
        Assert.Equal("Host=old", settings["ConnectionStrings:ReportEngine"]);
        Assert.Equal("client", settings["ReportEngine:Auth:Oidc:ClientId"]);
        Assert.Equal("/keys/archive.pem", settings["ReportEngine:Archive:SigningKeyFile"]);
        Assert.Equal(
        [
            "ReportEngine__Database is an old name, read for this release only: rename it ConnectionStrings__ReportEngine",
            "REPORTENGINE_ARCHIVE_KEY is an old name, read for this release only: rename it ReportEngine__Archive__SigningKeyFile",
            "Archive__* settings are old names, read for this release only: rename them ReportEngine__Archive__*",
            "Auth__* settings are old names, read for this release only: rename them ReportEngine__Auth__*",
        ], warnings);
        Assert.Empty(SettingNames.ReadOldNames(Given(new() { ["ReportEngine:Archive:Folder"] = "/new" })));
    }
}
