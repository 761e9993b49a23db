using Dispatch.App.Admin;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>The district administration: the shared <see cref="AdminUseCases"/>, as in the local host. Routes are
/// <see cref="AdminRoutes"/> without "/api/"; anonymous at the Functions level, the administrator's signed link is the rule.</summary>
public sealed class AdminFunctions(AdminUseCases uses, Access access, ILogger<AdminFunctions> logger)
{
    [Function("AdminCommunities")]
    public Task<IActionResult> CommunitiesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/communities")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => uses.CommunitiesAsync(AdministratorLink.From(req, access), ct));

    [Function("AdminAddCommunity")]
    public Task<IActionResult> AddCommunityAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/communities")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var admin = AdministratorLink.From(req, access);
        return await uses.AddCommunityAsync(admin, await HttpApi.ReadBodyAsync<CommunityRequest>(req, ct), ct);
    });

    [Function("AdminRenameCommunity")]
    public Task<IActionResult> RenameCommunityAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "admin/communities/{communityId}")] HttpRequest req,
        string communityId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var admin = AdministratorLink.From(req, access);
        var id = HttpApi.Route(nameof(communityId), communityId);
        return await uses.RenameCommunityAsync(admin, id, await HttpApi.ReadBodyAsync<CommunityRequest>(req, ct), ct);
    });

    [Function("AdminAddOrganizer")]
    public Task<IActionResult> AddOrganizerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/communities/{communityId}/organizers")] HttpRequest req,
        string communityId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var admin = AdministratorLink.From(req, access);
        var id = HttpApi.Route(nameof(communityId), communityId);
        return await uses.AddOrganizerAsync(admin, id, await HttpApi.ReadBodyAsync<OrganizerRequest>(req, ct), ct);
    });
}
