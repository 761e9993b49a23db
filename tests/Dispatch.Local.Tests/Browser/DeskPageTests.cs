using Dispatch.Core.Api;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Local.Tests.Browser;

/// <summary>The organizer desk in a real Chromium: an escalated order's resident contact, shown on request with a reason
/// and logged under the order; a member's decline reason on the order's history.</summary>
[Collection(AzuriteCollection.Name)]
public class DeskPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_organizer_views_the_contact_of_an_escalated_order_sees_the_access_log_line_and_filters_the_history()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await using var chromium = await Chromium.LaunchAsync();
        var repair = await host.PlaceAsync();
        var visit = await host.PlaceAsync(LocalHostFixture.Form(category: "Visit"));
        foreach (var closed in new[] { repair, visit })
        {
            await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Cancel, closed.OrderId), closed.Token, new ReasonRequest("已解决"));
        }

        var placed = await host.PlaceAsync();
        for (var i = 0; i < 3; i++)
        {
            var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
            await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Decline, placed.OrderId), host.MemberToken(member), new ReasonRequest("今天不在家"));
        }

        Assert.Equal(Dispatch.Core.Orders.OrderStatus.Escalated, (await host.OpenOrderAsync(placed.OrderId)).Status);
        var page = await chromium.NewPageAsync(host.BaseAddress, phone: false);
        await page.GotoAsync(Routes.OrganizerPage(host.OrganizerToken()));
        var row = page.Locator($"tr[data-order='{placed.OrderId}']");
        await Expect(row).ToContainTextAsync(placed.Reference!);
        await Expect(row).Not.ToContainTextAsync("13812345678"); // not in the list

        await row.Locator("summary", new() { HasText = "详情与记录" }).ClickAsync();
        var details = row.Locator(".order-details");
        await Expect(details).ToContainTextAsync("拒绝：今天不在家");
        await Expect(details).ToContainTextAsync("还没有人查看过。");
        await details.GetByRole(AriaRole.Button, new() { Name = "查看联系方式" }).ClickAsync();
        await Expect(details.Locator(".field-error")).ToContainTextAsync("请填写查看原因");
        await details.GetByLabel("查看居民联系方式的原因（必填，会记录）").FillAsync("无人接单，电话联系居民");
        await details.GetByRole(AriaRole.Button, new() { Name = "查看联系方式" }).ClickAsync();
        await Expect(details.Locator(".resident-contact")).ToContainTextAsync("13812345678");
        await Expect(details.Locator(".access-log")).ToContainTextAsync("王书记 查看，原因：无人接单，电话联系居民");
        await Chromium.ShotAsync(page, "5-organizer-contact-1280");

        // The history of closed orders, filtered by category.
        await Expect(page.Locator("#history-list li.history-item")).ToHaveCountAsync(2);
        await page.Locator("#history-category").SelectOptionAsync("Visit");
        await page.Locator("#history-go").ClickAsync();
        await Expect(page.Locator("#history-list li.history-item")).ToHaveCountAsync(1);
        await Expect(page.Locator("#history-list")).ToContainTextAsync(visit.Reference!);
        await Expect(page.Locator("#history-list")).ToContainTextAsync("已取消");
        Assert.Empty(chromium.PageErrors);
    }
}
