using Dispatch.App.Tallies;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>Annual tallies and the assessment year: the shared <see cref="TallyUseCases"/>, as in the local
/// host. Routes are <see cref="PostRoutes"/> without "/api/"; anonymous, guarded by the signed link.</summary>
public sealed class TallyFunctions(TallyUseCases tallies, ILogger<TallyFunctions> logger)
{
    [Function("Tallies")]
    public Task<IActionResult> TalliesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tallies")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => tallies.TalliesAsync(req.HttpContext, HttpApi.QueryInt(req, "year"), ct));

    [Function("MyTally")]
    public Task<IActionResult> MyTallyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members/me/tally")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => tallies.MyTallyAsync(req.HttpContext, HttpApi.QueryInt(req, "year"), ct));

    [Function("Assessment")]
    public Task<IActionResult> AssessmentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assessments/{year}")] HttpRequest req,
        string year,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => tallies.AssessmentAsync(req.HttpContext, HttpApi.RouteYear(year), ct));

    [Function("FreezeYear")]
    public Task<IActionResult> FreezeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "assessments/{year}/freeze")] HttpRequest req,
        string year,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => tallies.FreezeAsync(req.HttpContext, HttpApi.RouteYear(year), ct));
}
