using Dispatch.App.Queries;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Privacy;
using Dispatch.Core.Registry;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Admin;

/// <summary>The district administration, as both hosts serve it: communities (list, add, rename) and their
/// organizers (add a community or grid organizer by phone). Every method takes the administrator's link, which is
/// the routes' rule; validation first, then the org directory.</summary>
public sealed class AdminUseCases(OrgDirectory org, Links links)
{
    public async Task<IResult> CommunitiesAsync(AdministratorLink admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var list = new List<AdminCommunityView>();
        foreach (var c in await org.ListCommunitiesAsync(ct))
        {
            list.Add(await ViewAsync(c.CommunityId, ct));
        }

        return Results.Ok(list);
    }

    /// <summary>201 with the community; 409 place-exists when the id asked for is taken.</summary>
    public async Task<IResult> AddCommunityAsync(AdministratorLink admin, CommunityRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var errors = new Dictionary<string, string[]>();
        var id = PlaceNames.NewId(body?.CommunityId, "communityId", "c", errors);
        var (zh, en) = PlaceNames.Check(body?.NameZh, body?.NameEn, errors);
        PlaceNames.ThrowIfAny(errors);
        if (await org.GetCommunityAsync(id, ct) is not null)
        {
            throw new ApiProblemException(OrgProblems.PlaceExists("community", id));
        }

        await org.UpsertCommunityAsync(new Community(id, zh, en), ct);
        return Results.Created(AdminRoutes.CommunityOf(id), await ViewAsync(id, ct));
    }

    public async Task<IResult> RenameCommunityAsync(AdministratorLink admin, string communityId, CommunityRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await ExistingAsync(communityId, ct);
        var errors = new Dictionary<string, string[]>();
        var (zh, en) = PlaceNames.Check(body?.NameZh, body?.NameEn, errors);
        PlaceNames.ThrowIfAny(errors);
        await org.UpsertCommunityAsync(new Community(communityId, zh, en), ct);
        return Results.Ok(await ViewAsync(communityId, ct));
    }

    /// <summary>201 with the organizer and their link; 409 organizer-exists for a phone the community's organizers have.</summary>
    public async Task<IResult> AddOrganizerAsync(AdministratorLink admin, string communityId, OrganizerRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var tree = await ExistingAsync(communityId, ct);
        var errors = new Dictionary<string, string[]>();
        var name = body?.Name?.Trim() ?? "";
        if (name.Length is 0 or > MemberForm.MaxName)
        {
            errors["name"] = [$"请填写姓名（1–{MemberForm.MaxName} 个字）。 A name of 1–{MemberForm.MaxName} characters."];
        }
        else
        {
            FreeText.Check(name, "name", multiLine: false, errors);
        }

        var phone = MemberForm.NormalizePhone(body?.Phone);
        if (!Phone.IsMobile(phone))
        {
            errors["phone"] = ["请填写 11 位手机号码。 An 11-digit mainland mobile number (1[3-9]…)."];
        }

        var grid = string.IsNullOrWhiteSpace(body?.GridId) ? null : body.GridId.Trim();
        if (grid is not null && tree.Grids.All(g => g.GridId != grid))
        {
            errors["gridId"] = ["本社区没有这个网格。 No grid of this community has that id."];
        }

        PlaceNames.ThrowIfAny(errors);
        if ((await org.ListOrganizersAsync(communityId, ct)).FirstOrDefault(o => o.Phone == phone) is { } existing)
        {
            throw new ApiProblemException(OrgProblems.OrganizerExists(existing.OrganizerId));
        }

        var organizer = new Organizer(communityId, "o" + Guid.NewGuid().ToString("N")[..10], name, phone, grid);
        await org.UpsertOrganizerAsync(organizer, ct);
        return Results.Created(AdminRoutes.OrganizersOf(communityId),
            new OrganizerAdded(View(organizer), links.Organizer(organizer.OrganizerId, communityId, grid)));
    }

    private async Task<CommunityDirectory> ExistingAsync(string communityId, CancellationToken ct) =>
        await org.GetCommunityAsync(Ids.Require(communityId, "communityId"), ct) ?? throw new ApiProblemException(ApiProblem.NotFound("community"));

    private async Task<AdminCommunityView> ViewAsync(string communityId, CancellationToken ct)
    {
        var tree = await ExistingAsync(communityId, ct);
        var community = OrganizerQueries.View(tree);
        var organizers = await org.ListOrganizersAsync(communityId, ct);
        return new AdminCommunityView(community.CommunityId, community.NameZh, community.NameEn, community.Grids,
            [.. organizers.OrderBy(o => o.GridId is not null).ThenBy(o => o.OrganizerId, StringComparer.Ordinal).Select(View)]);
    }

    private static OrganizerView View(Organizer o) => new(o.OrganizerId, o.Name, o.Phone, o.GridId);
}
