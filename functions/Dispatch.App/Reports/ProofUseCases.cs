using System.Security.Cryptography;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Reports;
using Dispatch.Core.Time;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dispatch.App.Reports;

/// <summary>Service-hours proofs (服务时长证明), as both hosts serve them. A member issues one for a year; it is
/// stored once and never changed; anyone with its number can verify it. Rules:
/// <list type="bullet">
/// <item>The figures are a snapshot at issue time: the frozen assessment year when the year is frozen
/// (late corrections do not change a frozen year), otherwise the member's running tally.</item>
/// <item>A year with no confirmed hours gets no proof (409 no-hours); years from 2000 to this one.</item>
/// <item>The number is the only key: 50 random bits from a cryptographic generator, so numbers cannot be
/// guessed or counted, and an unknown or malformed one is 404.</item>
/// <item>The public view names the member, the community, the year, the hours and the issue time only.</item>
/// </list></summary>
public sealed class ProofUseCases(
    MemberStore members, ServiceRecordStore records, AssessmentStore assessments, ProofStore proofs, ReportData data,
    IOptions<PublicLinkOptions> links, TimeProvider clock)
{
    private const int NumberTries = 5;

    public async Task<IResult> IssueAsync(MemberLink link, IssueProofRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        var member = await members.GetAsync(link.CommunityId, link.MemberId, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
        var now = clock.GetUtcNow();
        var current = ChinaTime.YearOf(now);
        var year = body?.Year ?? current;
        if (year < 2000 || year > current)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]> { ["year"] = [$"A year from 2000 to {current}."] }));
        }

        var (halfHours, services, gridId, snapshotId) = await FiguresAsync(link.CommunityId, year, member, ct);
        if (halfHours <= 0)
        {
            throw new ApiProblemException(new ApiProblem(
                409, "https://dispatch.example/problems/no-hours", "No service hours to prove.", $"No confirmed service hours in {year}."));
        }

        var names = await data.NamesAsync(link.CommunityId, ct);
        PlaceName? grid = gridId is null ? null : names.Grids.GetValueOrDefault(gridId) ?? new PlaceName(gridId, gridId);
        for (var attempt = 0; attempt < NumberTries; attempt++)
        {
            var number = ProofNumber.From(year, RandomNumberGenerator.GetBytes(ProofNumber.RandomBytes));
            var proof = new ServiceProof(number, link.CommunityId, member.MemberId, member.Name, names.Community, grid, year, halfHours, services, now, snapshotId);
            if (await proofs.AddAsync(proof, ct))
            {
                return Results.Created(ReportRoutes.MyProofOf(number), View(proof));
            }
        }

        throw new ApiProblemException(ApiProblem.Conflict("Could not draw a free proof number; try again."));
    }

    /// <summary>One of the caller's own proofs; anyone else's answers 404, as an unknown number.</summary>
    public async Task<IResult> MineAsync(MemberLink link, string number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        var community = link.CommunityId; // first: an offer link is refused (403) whether or not the number exists
        var proof = await FindAsync(number, ct);
        return proof is not null && proof.MemberId == link.MemberId && proof.CommunityId == community
            ? Results.Ok(View(proof))
            : throw new ApiProblemException(ApiProblem.NotFound("proof"));
    }

    /// <summary>Public: no link needed. Not cached nor indexed, so a withdrawn or mistyped number leaves no trace.</summary>
    public async Task<IResult> VerifyAsync(HttpContext http, string number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var proof = await FindAsync(number, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("proof"));
        return Results.Ok(ProofVerification.Of(proof));
    }

    private async Task<(int HalfHours, int Services, string? GridId, string? SnapshotId)> FiguresAsync(
        string communityId, int year, Member member, CancellationToken ct)
    {
        if (await assessments.GetAsync(communityId, year, ct) is { } frozen)
        {
            var tally = frozen.Snapshot.Tallies.FirstOrDefault(t => t.MemberId == member.MemberId);
            return (tally?.HalfHours ?? 0, tally?.Services ?? 0, tally?.GridId ?? member.Home.GridId, frozen.Snapshot.SnapshotId);
        }

        var live = await records.GetTallyAsync(communityId, year, member.MemberId, ct);
        return (live?.HalfHours ?? 0, live?.Services ?? 0, member.Home.GridId, null);
    }

    private async Task<ServiceProof?> FindAsync(string number, CancellationToken ct) =>
        ProofNumber.Normalize(number) is { } n ? await proofs.GetAsync(n, ct) : null;

    private MemberProofView View(ServiceProof proof)
    {
        var verifyUrl = links.Value.Absolute(ReportRoutes.VerifyPage(proof.Number));
        return MemberProofView.Of(proof, verifyUrl, QrCodes.Svg(verifyUrl));
    }
}
