using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Hosting;

namespace ReportEngine.Service.Notices;

/// <summary>Review's parts in the service (review.md): its settings and the messages about drafts.</summary>
public static class ReviewServices
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindSettings(ReviewOptions.Section);
        services.AddSingleton<DraftNotices>();
        return services;
    }
}
