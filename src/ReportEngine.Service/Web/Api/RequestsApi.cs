using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReportEngine.Service.Web.Requests;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Api;

/// <summary><c>POST /api/v1/requests</c> and <c>GET /api/v1/requests/{id}</c>.</summary>
internal static class RequestsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/requests", async (RequestForm form, HttpContext context, RequestDesk desk, CancellationToken cancellationToken) =>
                await desk.SubmitAsync(form, context.Account(), context.Address(), cancellationToken) switch
                {
                    RequestOutcome.Taken { FromArchive: true } taken => Results.Ok(RequestView.Of(taken.Request)),
                    RequestOutcome.Taken taken => Results.Accepted($"/api/v1/requests/{taken.Request.Id}", RequestView.Of(taken.Request)),
                    RequestOutcome.Invalid invalid => Problems.Result(400, "The request is not valid", "See the errors of each field.", invalid.Errors),
                    RequestOutcome.OutsideData outside => Problems.Result(422, outside.Title, "See the error of the period.", outside.Errors),
                    RequestOutcome.TooMany tooMany => Problems.Result(429, "Too many requests", tooMany.Detail),
                    _ => NotFound(),
                })
            .RequireAuthorization(AccessPolicy.Requester)
            .WithName("RequestReport")
            .WithSummary("Ask for a report; a report already archived is answered at once (200) unless regenerated with a reason")
            .Produces<RequestView>(200).Produces<RequestView>(202).ProducesProblem(400).ProducesProblem(404).ProducesProblem(422).ProducesProblem(429);

        api.MapGet("/requests/{id:long}", async (long id, HttpContext context, RequestStore requests, CancellationToken cancellationToken) =>
                await requests.FindAsync(id, cancellationToken) is { } request && context.Account().MaySee(request.Report.Authority)
                    ? Results.Ok(RequestView.Of(request))
                    : NotFound())
            .WithName("GetRequest")
            .WithSummary("A request's status and progress")
            .Produces<RequestView>().ProducesProblem(404);
    }

    /// <summary>Something not there, or of an authority not granted: answered alike.</summary>
    public static IResult NotFound() => Problems.Result(404, "Not found", "There is nothing here, or you may not see it.");
}
