using Dispatch.Core.Api;
using Dispatch.Core.Time;

namespace Dispatch.Local.Members;

/// <summary>The member's inbox, the wish board and the member's own service record.</summary>
public static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        app.MapGet(Routes.Inbox, async (HttpContext http, Access access, MemberQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.InboxAsync(access.MemberOfCommunity(http), ct)));
        app.MapGet(Routes.Board, async (HttpContext http, Access access, MemberQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.BoardAsync(access.MemberOfCommunity(http), ct)));
        app.MapGet(Routes.MyRecords, async (int? year, HttpContext http, Access access, MemberQueries queries, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(await queries.RecordsAsync(access.MemberOfCommunity(http), Years.Require(year ?? ChinaTime.YearOf(clock.GetUtcNow())), ct)));
        return app;
    }
}
