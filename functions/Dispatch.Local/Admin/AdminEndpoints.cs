using Dispatch.App.Admin;
using Dispatch.Core.Api;

namespace Dispatch.Local.Admin;

/// <summary>The district administration on the local host: binding only; the rules are the shared
/// <see cref="AdminUseCases"/>. The <see cref="AdministratorLink"/> parameter is every route's rule.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet(AdminRoutes.Communities, (AdministratorLink admin, AdminUseCases uses, CancellationToken ct) => uses.CommunitiesAsync(admin, ct));
        app.MapPost(AdminRoutes.Communities, (CommunityRequest? body, AdministratorLink admin, AdminUseCases uses, CancellationToken ct) =>
            uses.AddCommunityAsync(admin, body, ct));
        app.MapPut(AdminRoutes.Community, (string communityId, CommunityRequest? body, AdministratorLink admin, AdminUseCases uses, CancellationToken ct) =>
            uses.RenameCommunityAsync(admin, communityId, body, ct));
        app.MapPost(AdminRoutes.Organizers, (string communityId, OrganizerRequest? body, AdministratorLink admin, AdminUseCases uses, CancellationToken ct) =>
            uses.AddOrganizerAsync(admin, communityId, body, ct));
        return app;
    }
}
