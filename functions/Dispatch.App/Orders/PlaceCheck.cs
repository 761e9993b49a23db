using System.Collections.Concurrent;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>An order must name a real community, grid and building of the directory. Places are added and renamed,
/// never removed or moved to another grid, so a place found once stays valid: it is remembered, and only a place not
/// seen before costs a directory read. A new building is found by that read at once.</summary>
public sealed class PlaceCheck(OrgDirectory org)
{
    /// <summary>Bounds the memory: a district has thousands of buildings, not millions. Past it, start over.</summary>
    private const int MaxKnown = 100_000;

    private readonly ConcurrentDictionary<(string Community, string Grid, string Building), bool> _known = new();

    /// <exception cref="ApiProblemException">A validation problem naming the unknown field.</exception>
    public async Task EnsureKnownAsync(OrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var where = request.Location;
        var key = (where.CommunityId, where.GridId, where.BuildingId);
        if (_known.ContainsKey(key))
        {
            return;
        }

        var community = await org.GetCommunityAsync(where.CommunityId, ct);
        var error = community is null ? ("communityId", "No such community.")
            : community.Grids.All(g => g.GridId != where.GridId) ? ("gridId", "No such grid in this community.")
            : community.BuildingsOf(where.GridId).All(b => b.BuildingId != where.BuildingId) ? ("buildingId", "No such building in this grid.")
            : default((string Field, string Message)?);
        if (error is { } e)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]> { [e.Field] = [e.Message] }));
        }

        if (_known.Count >= MaxKnown)
        {
            _known.Clear();
        }

        _known.TryAdd(key, true);
    }
}
