using System.Net;
using Dispatch.Core.Api;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests.Desk;

/// <summary>Personal-data erasure wins over the desk: an order whose resident's details were erased shows no contact,
/// even to its organizers, and the access log keeps no resident's data.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContactErasureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_erased_order_has_no_contact_and_the_log_holds_only_who_when_and_why()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        for (var i = 0; i < 3; i++)
        {
            var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
            await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Decline, placed.OrderId), host.MemberToken(member), new ReasonRequest("不在家"));
        }

        var contact = DeskRoutes.Of(DeskRoutes.Contact, placed.OrderId);
        var shown = await host.CallAsync<ContactView>(HttpMethod.Post, contact, host.OrganizerToken(), new ReasonRequest("电话联系"));
        Assert.Equal(("张阿姨", "13812345678", placed.Reference), (shown.Name, shown.Phone, shown.Reference));

        await host.Services.GetRequiredService<OrderStore>().ErasePersonalDataAsync(placed.OrderId);
        using var erased = await host.SendAsync(HttpMethod.Post, contact, host.OrganizerToken(), new ReasonRequest("再次联系"));
        Assert.Equal(HttpStatusCode.Conflict, erased.StatusCode);
        Assert.Contains("problems/erased", await erased.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var log = await host.CallAsync<ContactAccessView[]>(HttpMethod.Get, DeskRoutes.Of(DeskRoutes.ContactLog, placed.OrderId), host.OrganizerToken());
        var line = Assert.Single(log); // the refused view is not logged
        Assert.Equal(("org-wang", "王书记", "电话联系"), (line.OrganizerId, line.OrganizerName, line.Reason));
    }
}
