namespace Dispatch.Core.Api;

/// <summary>Routes of the district administration (区级管理员): communities and their organizers. Every route takes
/// an administrator's link; reports of any community are the report routes with <c>?community=</c>.</summary>
public static class AdminRoutes
{
    /// <summary>GET: every community with its grids and organizers. POST <c>{communityId?, nameZh, nameEn?}</c>: add one.</summary>
    public const string Communities = "/api/admin/communities";

    /// <summary>PUT <c>{nameZh, nameEn?}</c>: rename a community (its id stays).</summary>
    public const string Community = "/api/admin/communities/{communityId}";

    /// <summary>POST <c>{name, phone, gridId?}</c>: add an organizer to the community (a grid organizer with a grid);
    /// the answer holds their link, which the administrator hands over.</summary>
    public const string Organizers = "/api/admin/communities/{communityId}/organizers";

    public static string CommunityOf(string communityId) => Community.Replace("{communityId}", Uri.EscapeDataString(communityId), StringComparison.Ordinal);

    public static string OrganizersOf(string communityId) => Organizers.Replace("{communityId}", Uri.EscapeDataString(communityId), StringComparison.Ordinal);
}
