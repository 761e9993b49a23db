using Dispatch.Core.Api;
using Dispatch.Core.Assessment;
using Dispatch.Core.Tallies;
using Dispatch.Core.Time;
using Dispatch.Local.Hosting;
using Dispatch.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dispatch.Local.Tallies;

/// <summary>Annual tallies (live, from the running tally rows) and the frozen assessment years.</summary>
public static class TallyEndpoints
{
    public static IServiceCollection AddTallies(this IServiceCollection services)
    {
        services.AddSingleton<AnnualFreeze>();
        return services;
    }

    public static IEndpointRouteBuilder MapTallies(this IEndpointRouteBuilder app)
    {
        app.MapGet(PostRoutes.Tallies, TalliesAsync);
        app.MapGet(PostRoutes.MyTally, MyTallyAsync);
        app.MapGet(PostRoutes.Assessment, AssessmentAsync);
        app.MapPost(PostRoutes.Freeze, FreezeAsync);
        return app;
    }

    private static async Task<IResult> TalliesAsync(
        int? year, HttpContext http, Access access, ServiceRecordStore records, MemberStore members, PointsRules rules, TimeProvider clock, CancellationToken ct)
    {
        var community = access.Organizer(http, access.Read(http).Scope).Scope;
        var y = Year(year, clock);
        var counts = await records.TalliesAsync(community, y, ct);
        var roster = await members.ListAsync(community, ct);
        return Results.Ok(TallyCalculator.Report(community, y, counts.Select(t => (t.MemberId, t.Counts)), roster, rules));
    }

    private static async Task<IResult> MyTallyAsync(
        int? year, HttpContext http, Access access, ServiceRecordStore records, MemberStore members, PointsRules rules, TimeProvider clock, CancellationToken ct)
    {
        var token = access.MemberOfCommunity(http);
        var member = await members.GetAsync(token.Scope, token.Subject, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
        var y = Year(year, clock);
        var tally = await records.GetTallyAsync(token.Scope, y, member.MemberId, ct);
        return Results.Ok(AnnualTally.Of(token.Scope, y, member.MemberId, tally?.Counts ?? TallyCounts.Zero, rules, member));
    }

    private static async Task<IResult> AssessmentAsync(
        int year, HttpContext http, Access access, AssessmentStore assessments, ServiceRecordStore records, CancellationToken ct)
    {
        var community = access.Organizer(http, access.Read(http).Scope).Scope;
        return Results.Ok(await assessments.ViewAsync(community, year, records, ct)
                          ?? throw new ApiProblemException(ApiProblem.NotFound("frozen assessment year")));
    }

    private static async Task<IResult> FreezeAsync(
        int year, HttpContext http, Access access, AnnualFreezeJob job, AssessmentStore assessments, ServiceRecordStore records, TimeProvider clock,
        CancellationToken ct)
    {
        var community = access.Organizer(http, access.Read(http).Scope).Scope;
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

    private static int Year(int? year, TimeProvider clock)
    {
        var current = ChinaTime.YearOf(clock.GetUtcNow());
        return year switch
        {
            null => current,
            >= 2000 and var y when y <= current + 1 => y,
            _ => throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]> { ["year"] = [$"A year from 2000 to {current + 1}."] })),
        };
    }
}
