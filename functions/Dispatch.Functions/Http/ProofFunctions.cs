using Dispatch.App.SignedLinks;
using Dispatch.App.RateLimiting;
using Dispatch.App.Reports;
using Dispatch.Core.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>Service-hours proofs: the shared <see cref="ProofUseCases"/>, as in the local host. Routes are
/// <see cref="ReportRoutes"/> without "/api/". Issuing and reading one's own proof need the member's link;
/// verification is public.</summary>
public sealed class ProofFunctions(ProofUseCases proofs, Access access, ClientRateLimiter limits, ILogger<ProofFunctions> logger)
{
    [Function("IssueProof")]
    public Task<IActionResult> IssueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "members/me/proofs")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        {
        var body = await HttpApi.ReadBodyAsync<IssueProofRequest>(req, ct);
        return await proofs.IssueAsync(MemberLink.From(req, access), body, ct);
    });

    [Function("MyProof")]
    public Task<IActionResult> MineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members/me/proofs/{number}")] HttpRequest req,
        string number,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
    {
        var n = HttpApi.Route(nameof(number), number);
        return proofs.MineAsync(MemberLink.From(req, access), n, ct);
    });

    [Function("VerifyProof")]
    public Task<IActionResult> VerifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "proofs/{number}")] HttpRequest req,
        string number,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
    {
        limits.Acquire(req.HttpContext); // anyone may call it: per-client limit (RateLimits:VerifyPerMinute)
        return proofs.VerifyAsync(req.HttpContext, HttpApi.Route(nameof(number), number), ct);
    });
}
