using Dispatch.App.Reports;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Assessment;
using Dispatch.Core.Tallies;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Tallies;

/// <summary>Annual tallies (live, from the running tally rows) and the frozen assessment years, as both hosts
/// serve them. The assessment year is the whole community's, so it takes a community organizer's link.</summary>
public sealed class TallyUseCases(
    ServiceRecordStore records, MemberStore members, PointsRules rules, AssessmentStore assessments, AnnualFreezeJob job,
    ReportData data, TimeProvider clock)
{
    /// <summary>The live tallies the reader may see (<see cref="ReportData.ReportAsync"/>).</summary>
    public async Task<IResult> TalliesAsync(ReportReaderLink reader, int? year, CancellationToken ct)
    {
        var y = TallyYear.Of(year, clock);
        return Results.Ok((await data.ReportAsync(reader, y, ct)).Report);
    }

    public async Task<IResult> MyTallyAsync(MemberLink link, int? year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        var member = await members.GetAsync(link.CommunityId, link.MemberId, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
        var y = TallyYear.Of(year, clock);
        var tally = await records.GetTallyAsync(link.CommunityId, y, member.MemberId, ct);
        return Results.Ok(AnnualTally.Of(link.CommunityId, y, member.MemberId, tally?.Counts ?? TallyCounts.Zero, rules, member));
    }

    public async Task<IResult> AssessmentAsync(CommunityOrganizerLink organizer, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var community = organizer.CommunityId;
        return Results.Ok(await assessments.ViewAsync(community, year, records, ct)
                          ?? throw new ApiProblemException(ApiProblem.NotFound("frozen assessment year")));
    }

    public async Task<IResult> FreezeAsync(CommunityOrganizerLink organizer, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var community = organizer.CommunityId;
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
}
