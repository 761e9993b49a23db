using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Dispatch.Core.Time;
using Dispatch.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Dispatch.Local.Reports;

/// <summary>Service-hours proofs (服务时长证明). A member issues one for a year; it is stored once and never
/// changed; anyone with its number can verify it. Rules:
/// <list type="bullet">
/// <item>The figures are a snapshot at issue time: the frozen assessment year when the year is frozen
/// (late corrections do not change a frozen year), otherwise the member's running tally.</item>
/// <item>A year with no confirmed hours gets no proof (409 no-hours); years from 2000 to this one.</item>
/// <item>The number is the only key: 50 random bits from a cryptographic generator, so numbers cannot be
/// guessed or counted, and an unknown or malformed one is 404.</item>
/// <item>The public view names the member, the community, the year, the hours and the issue time only.</item>
/// </list></summary>
public static class ProofEndpoints
{
    private const int NumberTries = 5;

    public static IEndpointRouteBuilder MapProofs(this IEndpointRouteBuilder app)
    {
        app.MapPost(ReportRoutes.MyProofs, IssueAsync);
        app.MapGet(ReportRoutes.MyProof, MineAsync);
        app.MapGet(ReportRoutes.Proof, VerifyAsync);
        return app;
    }

    private static async Task<IResult> IssueAsync(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] IssueProofRequest? body,
        HttpContext http, Access access, MemberStore members, ServiceRecordStore records, AssessmentStore assessments, ProofStore proofs,
        ReportData data, IOptions<PublicLinkOptions> links, TimeProvider clock, CancellationToken ct)
    {
        var token = access.MemberOfCommunity(http);
        var member = await members.GetAsync(token.Scope, token.Subject, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
        var now = clock.GetUtcNow();
        var current = ChinaTime.YearOf(now);
        var year = body?.Year ?? current;
        if (year < 2000 || year > current)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]> { ["year"] = [$"A year from 2000 to {current}."] }));
        }

        var (halfHours, services, gridId, snapshotId) = await FiguresAsync(token.Scope, year, member, records, assessments, ct);
        if (halfHours <= 0)
        {
            throw new ApiProblemException(new ApiProblem(
                409, "https://dispatch.example/problems/no-hours", "No service hours to prove.", $"No confirmed service hours in {year}."));
        }

        var names = await data.NamesAsync(token.Scope, ct);
        PlaceName? grid = gridId is null ? null : names.Grids.GetValueOrDefault(gridId) ?? new PlaceName(gridId, gridId);
        for (var attempt = 0; attempt < NumberTries; attempt++)
        {
            var number = ProofNumber.From(year, RandomNumberGenerator.GetBytes(ProofNumber.RandomBytes));
            var proof = new ServiceProof(number, token.Scope, member.MemberId, member.Name, names.Community, grid, year, halfHours, services, now, snapshotId);
            if (await proofs.AddAsync(proof, ct))
            {
                return Results.Created(ReportRoutes.MyProofOf(number), MemberProofView.Of(proof, VerifyUrl(links.Value, number)));
            }
        }

        throw new ApiProblemException(ApiProblem.Conflict("Could not draw a free proof number; try again."));
    }

    private static async Task<(int HalfHours, int Services, string? GridId, string? SnapshotId)> FiguresAsync(
        string communityId, int year, Core.Members.Member member, ServiceRecordStore records, AssessmentStore assessments, CancellationToken ct)
    {
        if (await assessments.GetAsync(communityId, year, ct) is { } frozen)
        {
            var tally = frozen.Snapshot.Tallies.FirstOrDefault(t => t.MemberId == member.MemberId);
            return (tally?.HalfHours ?? 0, tally?.Services ?? 0, tally?.GridId ?? member.Home.GridId, frozen.Snapshot.SnapshotId);
        }

        var live = await records.GetTallyAsync(communityId, year, member.MemberId, ct);
        return (live?.HalfHours ?? 0, live?.Services ?? 0, member.Home.GridId, null);
    }

    private static async Task<IResult> MineAsync(
        string number, HttpContext http, Access access, ProofStore proofs, IOptions<PublicLinkOptions> links, CancellationToken ct)
    {
        var token = access.MemberOfCommunity(http);
        var proof = await FindAsync(number, proofs, ct);
        return proof is not null && proof.MemberId == token.Subject && proof.CommunityId == token.Scope
            ? Results.Ok(MemberProofView.Of(proof, VerifyUrl(links.Value, proof.Number)))
            : throw new ApiProblemException(ApiProblem.NotFound("proof"));
    }

    private static async Task<IResult> VerifyAsync(string number, HttpContext http, ProofStore proofs, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var proof = await FindAsync(number, proofs, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("proof"));
        return Results.Ok(ProofVerification.Of(proof));
    }

    private static async Task<ServiceProof?> FindAsync(string number, ProofStore proofs, CancellationToken ct) =>
        ProofNumber.Normalize(number) is { } n ? await proofs.GetAsync(n, ct) : null;

    private static string VerifyUrl(PublicLinkOptions links, string number) => links.Absolute(ReportRoutes.VerifyPage(number));
}
