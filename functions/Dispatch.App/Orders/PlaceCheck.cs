using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>An order must name a real community, grid and building of the directory.</summary>
public sealed class PlaceCheck(OrgDirectory org)
{
    /// <returns>The order's community, as read for the check.</returns>
    /// <exception cref="ApiProblemException">A validation problem naming the unknown field.</exception>
    public async Task<CommunityDirectory> EnsureKnownAsync(OrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var where = request.Location;
        var community = await org.GetCommunityAsync(where.CommunityId, ct);
        var error = community is null ? ("communityId", "No such community.")
            : community.Grids.All(g => g.GridId != where.GridId) ? ("gridId", "No such grid in this community.")
            : community.BuildingsOf(where.GridId).All(b => b.BuildingId != where.BuildingId) ? ("buildingId", "No such building in this grid.")
            : default((string Field, string Message)?);
        if (error is { } e)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]> { [e.Field] = [e.Message] }));
        }

        return community!;
    }
}
