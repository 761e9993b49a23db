using Dispatch.Core.Api;
using Dispatch.Core.Time;

namespace Dispatch.Local.Members;

/// <summary>The member's inbox, the wish board and the member's own service record. The <see cref="MemberLink"/>
/// parameter is the rule: a member's link, whatever else the route binds.</summary>
public static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        app.MapGet(Routes.Inbox, async (MemberLink member, MemberQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.InboxAsync(member, ct)));
        app.MapGet(Routes.Board, async (MemberLink member, MemberQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.BoardAsync(member, ct)));
        app.MapGet(Routes.MyRecords, async (int? year, MemberLink member, MemberQueries queries, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(await queries.RecordsAsync(member, Years.Require(year ?? ChinaTime.YearOf(clock.GetUtcNow())), ct)));
        return app;
    }
}
