using Dispatch.App.OrgTree;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>The organization tree: the shared <see cref="OrgTreeUseCases"/>, as in the local host. Routes are
/// <see cref="OrgTreeRoutes"/> without "/api/"; anonymous at the Functions level, a community organizer's link is the rule.</summary>
public sealed class OrgTreeFunctions(OrgTreeUseCases tree, MemberHouseholds households, Access access, ILogger<OrgTreeFunctions> logger)
{
    [Function("SetMemberHouseholds")]
    public Task<IActionResult> SetHouseholdsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "organizer/members/{memberId}/households")] HttpRequest req,
        string memberId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var organizer = OrganizerLink.From(req, access);
        var member = HttpApi.Route(nameof(memberId), memberId);
        return await households.SetAsync(organizer, member, await HttpApi.ReadBodyAsync<HouseholdsRequest>(req, ct), ct);
    });

    [Function("AddGrid")]
    public Task<IActionResult> AddGridAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/tree/grids")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var organizer = CommunityOrganizerLink.From(req, access);
        return await tree.AddGridAsync(organizer, await HttpApi.ReadBodyAsync<PlaceRequest>(req, ct), ct);
    });

    [Function("RenameGrid")]
    public Task<IActionResult> RenameGridAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "organizer/tree/grids/{gridId}")] HttpRequest req,
        string gridId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var organizer = CommunityOrganizerLink.From(req, access);
        var grid = HttpApi.Route(nameof(gridId), gridId);
        return await tree.RenameGridAsync(organizer, grid, await HttpApi.ReadBodyAsync<PlaceRequest>(req, ct), ct);
    });

    [Function("AddBuilding")]
    public Task<IActionResult> AddBuildingAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/tree/grids/{gridId}/buildings")] HttpRequest req,
        string gridId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var organizer = CommunityOrganizerLink.From(req, access);
        var grid = HttpApi.Route(nameof(gridId), gridId);
        return await tree.AddBuildingAsync(organizer, grid, await HttpApi.ReadBodyAsync<PlaceRequest>(req, ct), ct);
    });

    [Function("RenameBuilding")]
    public Task<IActionResult> RenameBuildingAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "organizer/tree/grids/{gridId}/buildings/{buildingId}")] HttpRequest req,
        string gridId,
        string buildingId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var organizer = CommunityOrganizerLink.From(req, access);
        var grid = HttpApi.Route(nameof(gridId), gridId);
        var building = HttpApi.Route(nameof(buildingId), buildingId);
        return await tree.RenameBuildingAsync(organizer, grid, building, await HttpApi.ReadBodyAsync<PlaceRequest>(req, ct), ct);
    });
}
