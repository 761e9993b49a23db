using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Assessment;
using Dispatch.Core.Tallies;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Tallies;

/// <summary>Annual tallies (live, from the running tally rows) and the frozen assessment years, as both hosts
/// serve them.</summary>
public sealed class TallyUseCases(
    Access access, ServiceRecordStore records, MemberStore members, PointsRules rules, AssessmentStore assessments, AnnualFreezeJob job,
    TimeProvider clock)
{
    public async Task<IResult> TalliesAsync(HttpContext http, int? year, CancellationToken ct)
    {
        var community = Organizer(http);
        var y = TallyYear.Of(year, clock);
        var counts = await records.TalliesAsync(community, y, ct);
        var roster = await members.ListAsync(community, ct);
        return Results.Ok(TallyCalculator.Report(community, y, counts.Select(t => (t.MemberId, t.Counts)), roster, rules));
    }

    public async Task<IResult> MyTallyAsync(HttpContext http, int? year, CancellationToken ct)
    {
        var token = access.MemberOfCommunity(http);
        var member = await members.GetAsync(token.Scope, token.Subject, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
        var y = TallyYear.Of(year, clock);
        var tally = await records.GetTallyAsync(token.Scope, y, member.MemberId, ct);
        return Results.Ok(AnnualTally.Of(token.Scope, y, member.MemberId, tally?.Counts ?? TallyCounts.Zero, rules, member));
    }

    public async Task<IResult> AssessmentAsync(HttpContext http, int year, CancellationToken ct)
    {
        var community = Organizer(http);
        return Results.Ok(await assessments.ViewAsync(community, year, records, ct)
                          ?? throw new ApiProblemException(ApiProblem.NotFound("frozen assessment year")));
    }

    public async Task<IResult> FreezeAsync(HttpContext http, int year, CancellationToken ct)
    {
        var community = Organizer(http);
        var now = clock.GetUtcNow();
        if (!AssessmentYear.IsOver(year, now))
        {
            throw new ApiProblemException(new ApiProblem(
                409, "https://dispatch.example/problems/year-not-over", "The year is not over yet.", $"{year} can be frozen from 1 January {year + 1}, China time."));
        }

        var (_, created) = await job.FreezeAsync(community, year, now, ct);
        var view = await assessments.ViewAsync(community, year, records, ct);
        return created ? Results.Created(PostRoutes.AssessmentOf(year), view) : Results.Ok(view);
    }

    private string Organizer(HttpContext http) => access.Organizer(http, access.Read(http).Scope).Scope;
}
