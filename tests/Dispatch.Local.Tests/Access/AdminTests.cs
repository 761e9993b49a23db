using System.Net;
using Dispatch.Core.Api;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests.Access;

/// <summary>The district administration: communities added and renamed, organizers added with a link that works at
/// once (a grid organizer's limited to their grid), clear field errors, and the first administrator from settings.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_administrator_adds_and_renames_a_community_and_adds_its_organizers()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var admin = host.Links.AdministratorToken("admin-zhao");

        var added = await host.CallAsync<AdminCommunityView>(HttpMethod.Post, AdminRoutes.Communities, admin, new CommunityRequest("xinqiao", "新桥社区", null));
        Assert.Equal(("xinqiao", "新桥社区", "新桥社区"), (added.CommunityId, added.NameZh, added.NameEn));
        using (var again = await host.SendAsync(HttpMethod.Post, AdminRoutes.Communities, admin, new CommunityRequest("xinqiao", "新桥", null)))
        {
            await Registry.RegistryTestData.ProblemAsync(again, HttpStatusCode.Conflict, "place-exists");
        }

        var renamed = await host.CallAsync<AdminCommunityView>(HttpMethod.Put, AdminRoutes.CommunityOf("xinqiao"), admin, new CommunityRequest(null, "新桥街社区", "Xinqiao Street"));
        Assert.Equal(("新桥街社区", "Xinqiao Street"), (renamed.NameZh, renamed.NameEn));
        var made = await host.CallAsync<AdminCommunityView>(HttpMethod.Post, AdminRoutes.Communities, admin, new CommunityRequest(null, "东园社区", "Dongyuan"));
        Assert.StartsWith("c", made.CommunityId, StringComparison.Ordinal);

        using (var bad = await host.SendAsync(HttpMethod.Post, AdminRoutes.Communities, admin, new CommunityRequest("a/b", "", null)))
        {
            var problem = await Registry.RegistryTestData.ProblemAsync(bad, HttpStatusCode.BadRequest, "validation");
            Assert.Contains("中文名称", problem.GetProperty("errors").GetProperty("nameZh")[0].GetString(), StringComparison.Ordinal);
            Assert.True(problem.GetProperty("errors").TryGetProperty("communityId", out _));
        }

        // A grid organizer of hubin's g1, whose link opens the organizer routes at once, for g1 only.
        var organizer = await host.CallAsync<OrganizerAdded>(HttpMethod.Post, AdminRoutes.OrganizersOf(LocalHostFixture.CommunityId), admin,
            new OrganizerRequest("周网格员", "137 0000 0009", "g1"));
        Assert.Equal(("13700000009", "g1"), (organizer.Organizer.Phone, organizer.Organizer.GridId));
        var token = Uri.UnescapeDataString(organizer.Url.Split("t=")[1]);
        var members = await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, token);
        Assert.All(members, m => Assert.Equal("g1", m.GridId));
        using (var again = await host.SendAsync(HttpMethod.Post, AdminRoutes.OrganizersOf(LocalHostFixture.CommunityId), admin, new OrganizerRequest("周", "13700000009", null)))
        {
            await Registry.RegistryTestData.ProblemAsync(again, HttpStatusCode.Conflict, "organizer-exists");
        }

        using (var bad = await host.SendAsync(HttpMethod.Post, AdminRoutes.OrganizersOf(LocalHostFixture.CommunityId), admin, new OrganizerRequest("", "12", "g9")))
        {
            var errors = (await Registry.RegistryTestData.ProblemAsync(bad, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
            Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("phone", out _) && errors.TryGetProperty("gridId", out _));
        }

        var list = await host.CallAsync<AdminCommunityView[]>(HttpMethod.Get, AdminRoutes.Communities, admin);
        var hubin = Assert.Single(list, c => c.CommunityId == LocalHostFixture.CommunityId);
        Assert.Contains(hubin.Organizers, o => o.OrganizerId == organizer.Organizer.OrganizerId);
        Assert.Contains(list, c => c.CommunityId == "xinqiao");
    }

    [Fact]
    public async Task The_first_administrator_comes_from_settings_once_however_often_the_host_starts()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Dispatch:Demo"] = null,
            ["Dispatch:BootstrapAdministrator:Phone"] = "+86 139-0000-0001",
            ["Dispatch:BootstrapAdministrator:Name"] = "钱主任",
        };
        for (var start = 0; start < 2; start++)
        {
            await using var host = await LocalHostFixture.StartAsync(azurite, prefix, settings: settings);
            var admins = await host.Services.GetRequiredService<OrgDirectory>().ListAdministratorsAsync();
            var admin = Assert.Single(admins);
            Assert.Equal(("钱主任", "13900000001"), (admin.Name, admin.Phone));
            Assert.DoesNotContain("13900000001", admin.AdministratorId, StringComparison.Ordinal);
        }
    }
}
