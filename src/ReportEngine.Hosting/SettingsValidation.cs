using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ReportEngine.Hosting;

/// <summary>
/// A section of settings checked by its data annotations (and its own <see cref="IValidatableObject"/> rules), each
/// failure named as the setting a person sets, as the secrets' failures are: <c>ReportEngine__Chromium__PrintTimeoutSeconds:
/// The field PrintTimeoutSeconds must be between 1 and 600.</c> (.NET's own check names only the class behind it).
/// </summary>
public static class SettingsValidation
{
    /// <summary>Binds the options to <paramref name="section"/> and checks them at start, naming failures within that section.</summary>
    public static OptionsBuilder<T> BindSettings<T>(this OptionsBuilder<T> options, string section) where T : class
    {
        options.BindConfiguration(section).Services.AddSingleton<IValidateOptions<T>>(new Check<T>(options.Name, section));
        return options.ValidateOnStart();
    }

    /// <summary>A failure as the setting's environment variable (or the section's, for a rule across settings) and what is wrong.</summary>
    private static IEnumerable<string> Describe(string section, ValidationResult result)
    {
        var message = result.ErrorMessage ?? "is not valid";
        var members = result.MemberNames.ToList();
        return members.Count == 0
            ? [$"{SettingNames.AsVariable(section)}: {message}"]
            : members.Select(member => $"{SettingNames.AsVariable($"{section}:{member}")}: {message}");
    }

    private sealed class Check<T>(string? name, string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName) return ValidateOptionsResult.Skip;
            var results = new List<ValidationResult>();
            return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(results.SelectMany(result => Describe(section, result)));
        }
    }
}
