using Dispatch.App.Queries;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.OrgTree;

/// <summary>A community organizer keeps their community's tree (grids, buildings), as both hosts serve it. Names
/// follow <see cref="PlaceNames"/>; a building id is unique in the community (reports name buildings by id), a grid id
/// too. Each answer is the community's whole tree.</summary>
public sealed class OrgTreeUseCases(OrgDirectory org)
{
    public async Task<IResult> AddGridAsync(CommunityOrganizerLink organizer, PlaceRequest? body, CancellationToken ct)
    {
        var tree = await TreeAsync(organizer, ct);
        var errors = new Dictionary<string, string[]>();
        var id = PlaceNames.NewId(body?.Id, "id", "g", errors);
        var (zh, en) = PlaceNames.Check(body?.NameZh, body?.NameEn, errors);
        PlaceNames.ThrowIfAny(errors);
        if (tree.Grids.Any(g => g.GridId == id))
        {
            throw new ApiProblemException(OrgProblems.PlaceExists("grid", id));
        }

        await org.UpsertGridAsync(new Grid(tree.Community.CommunityId, id, zh, en), ct);
        return Results.Created(OrgTreeRoutes.GridOf(id), await ViewAsync(organizer, ct));
    }

    public async Task<IResult> RenameGridAsync(CommunityOrganizerLink organizer, string gridId, PlaceRequest? body, CancellationToken ct)
    {
        var tree = await TreeAsync(organizer, ct);
        var grid = GridOf(tree, gridId);
        var errors = new Dictionary<string, string[]>();
        var (zh, en) = PlaceNames.Check(body?.NameZh, body?.NameEn, errors);
        PlaceNames.ThrowIfAny(errors);
        await org.UpsertGridAsync(grid with { NameZh = zh, NameEn = en }, ct);
        return Results.Ok(await ViewAsync(organizer, ct));
    }

    public async Task<IResult> AddBuildingAsync(CommunityOrganizerLink organizer, string gridId, PlaceRequest? body, CancellationToken ct)
    {
        var tree = await TreeAsync(organizer, ct);
        var grid = GridOf(tree, gridId);
        var errors = new Dictionary<string, string[]>();
        var id = PlaceNames.NewId(body?.Id, "id", "b", errors);
        var (zh, en) = PlaceNames.Check(body?.NameZh, body?.NameEn, errors);
        PlaceNames.ThrowIfAny(errors);
        if (tree.Buildings.Any(b => b.BuildingId == id))
        {
            throw new ApiProblemException(OrgProblems.PlaceExists("building", id));
        }

        await org.UpsertBuildingAsync(new Building(grid.CommunityId, grid.GridId, id, zh, en), ct);
        return Results.Created(OrgTreeRoutes.BuildingOf(grid.GridId, id), await ViewAsync(organizer, ct));
    }

    public async Task<IResult> RenameBuildingAsync(CommunityOrganizerLink organizer, string gridId, string buildingId, PlaceRequest? body, CancellationToken ct)
    {
        var tree = await TreeAsync(organizer, ct);
        var grid = GridOf(tree, gridId);
        Ids.Require(buildingId, "buildingId");
        var building = tree.BuildingsOf(grid.GridId).FirstOrDefault(b => b.BuildingId == buildingId)
            ?? throw new ApiProblemException(ApiProblem.NotFound("building"));
        var errors = new Dictionary<string, string[]>();
        var (zh, en) = PlaceNames.Check(body?.NameZh, body?.NameEn, errors);
        PlaceNames.ThrowIfAny(errors);
        await org.UpsertBuildingAsync(building with { NameZh = zh, NameEn = en }, ct);
        return Results.Ok(await ViewAsync(organizer, ct));
    }

    private async Task<CommunityDirectory> TreeAsync(CommunityOrganizerLink organizer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        return await org.GetCommunityAsync(organizer.CommunityId, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("community"));
    }

    private static Grid GridOf(CommunityDirectory tree, string gridId)
    {
        Ids.Require(gridId, "gridId");
        return tree.Grids.FirstOrDefault(g => g.GridId == gridId) ?? throw new ApiProblemException(ApiProblem.NotFound("grid"));
    }

    private async Task<CommunityView> ViewAsync(CommunityOrganizerLink organizer, CancellationToken ct) =>
        OrganizerQueries.View(await TreeAsync(organizer, ct));
}
