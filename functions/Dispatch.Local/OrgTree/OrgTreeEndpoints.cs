using Dispatch.App.OrgTree;
using Dispatch.Core.Api;

namespace Dispatch.Local.OrgTree;

/// <summary>The organization tree on the local host: binding only; the rules are the shared <see cref="OrgTreeUseCases"/>.
/// The <see cref="CommunityOrganizerLink"/> parameter is the grids' and buildings' rule (the tree is the whole community's);
/// a member's households take an <see cref="OrganizerLink"/> (a grid organizer: members of their grid).</summary>
public static class OrgTreeEndpoints
{
    public static IEndpointRouteBuilder MapOrgTree(this IEndpointRouteBuilder app)
    {
        app.MapPost(OrgTreeRoutes.Grids, (PlaceRequest? body, CommunityOrganizerLink organizer, OrgTreeUseCases tree, CancellationToken ct) =>
            tree.AddGridAsync(organizer, body, ct));
        app.MapPut(OrgTreeRoutes.Grid, (string gridId, PlaceRequest? body, CommunityOrganizerLink organizer, OrgTreeUseCases tree, CancellationToken ct) =>
            tree.RenameGridAsync(organizer, gridId, body, ct));
        app.MapPost(OrgTreeRoutes.Buildings, (string gridId, PlaceRequest? body, CommunityOrganizerLink organizer, OrgTreeUseCases tree, CancellationToken ct) =>
            tree.AddBuildingAsync(organizer, gridId, body, ct));
        app.MapPut(OrgTreeRoutes.Building, (string gridId, string buildingId, PlaceRequest? body, CommunityOrganizerLink organizer, OrgTreeUseCases tree, CancellationToken ct) =>
            tree.RenameBuildingAsync(organizer, gridId, buildingId, body, ct));
        app.MapPut(OrgTreeRoutes.MemberHouseholds, (string memberId, HouseholdsRequest? body, OrganizerLink organizer, MemberHouseholds households, CancellationToken ct) =>
            households.SetAsync(organizer, memberId, body, ct));
        return app;
    }
}
