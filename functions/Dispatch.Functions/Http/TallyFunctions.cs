using Dispatch.App.SignedLinks;
using Dispatch.App.Tallies;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>Annual tallies and the assessment year: the shared <see cref="TallyUseCases"/>, as in the local
/// host. Routes are <see cref="PostRoutes"/> without "/api/"; anonymous, guarded by the signed link.</summary>
public sealed class TallyFunctions(TallyUseCases tallies, Access access, ILogger<TallyFunctions> logger)
{
    [Function("Tallies")]
    public Task<IActionResult> TalliesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tallies")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
    {
        var y = HttpApi.QueryInt(req, "year");
        return tallies.TalliesAsync(ReportReaderLink.From(req, access), y, ct);
    });

    [Function("MyTally")]
    public Task<IActionResult> MyTallyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members/me/tally")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
    {
        var y = HttpApi.QueryInt(req, "year");
        return tallies.MyTallyAsync(MemberLink.From(req, access), y, ct);
    });

    [Function("Assessment")]
    public Task<IActionResult> AssessmentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assessments/{year}")] HttpRequest req,
        string year,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
    {
        var y = HttpApi.RouteYear(year);
        return tallies.AssessmentAsync(CommunityOrganizerLink.From(req, access), y, ct);
    });

    [Function("FreezeYear")]
    public Task<IActionResult> FreezeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "assessments/{year}/freeze")] HttpRequest req,
        string year,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
    {
        var y = HttpApi.RouteYear(year);
        return tallies.FreezeAsync(CommunityOrganizerLink.From(req, access), y, ct);
    });
}
