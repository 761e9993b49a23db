using System.Collections.Concurrent;
using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>An order must name a real community, grid and building of the directory. Places are added and renamed,
/// never removed or moved to another grid, so a community read for one order serves the next ones for
/// <see cref="MaxAge"/>: only a place it does not know yet (read again at once, so a new building works at once) or an
/// older copy costs a directory read. A rename reaches new orders' reference prefix within that time.</summary>
public sealed class PlaceCheck(OrgDirectory org, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Bounds the memory: a district has hundreds of communities, not millions. Past it, start over.</summary>
    private const int MaxCommunities = 10_000;

    private readonly ConcurrentDictionary<string, (CommunityDirectory Directory, DateTimeOffset ReadAt)> _communities = new(StringComparer.Ordinal);

    /// <returns>The order's community, as read for the check.</returns>
    /// <exception cref="ApiProblemException">A validation problem naming the unknown field.</exception>
    public async Task<CommunityDirectory> EnsureKnownAsync(OrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var where = request.Location;
        var now = clock.GetUtcNow();
        if (_communities.TryGetValue(where.CommunityId, out var cached) && now - cached.ReadAt < MaxAge && Problem(cached.Directory, where) is null)
        {
            return cached.Directory;
        }

        var community = await org.GetCommunityAsync(where.CommunityId, ct);
        if (Problem(community, where) is { } e)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]> { [e.Field] = [e.Message] }));
        }

        if (_communities.Count >= MaxCommunities)
        {
            _communities.Clear();
        }

        _communities[where.CommunityId] = (community!, now);
        return community!;
    }

    private static (string Field, string Message)? Problem(CommunityDirectory? community, Location where) =>
        community is null ? ("communityId", "No such community.")
        : community.Grids.All(g => g.GridId != where.GridId) ? ("gridId", "No such grid in this community.")
        : community.BuildingsOf(where.GridId).All(b => b.BuildingId != where.BuildingId) ? ("buildingId", "No such building in this grid.")
        : null;
}
