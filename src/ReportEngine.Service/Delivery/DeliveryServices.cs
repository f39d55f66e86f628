using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportEngine.Issuing;

namespace ReportEngine.Service.Delivery;

/// <summary>Delivery's parts, for the command line and the service alike.</summary>
public static class DeliveryServices
{
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<RecipientStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<DeliveryMessages>();
        services.AddSingleton<ISmtpSender, MailKitSender>();
        services.AddSingleton<ReportDelivery>();
        services.AddSingleton<IFollowUp, DeliveryFollowUp>();
        return services;
    }
}
