using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using static Dispatch.Core.Tests.Time.QuietHoursTests;

namespace Dispatch.Core.Tests.Api;

/// <summary>Time slots on the form and the wish rules: the API turns a slot into its start and refuses what
/// cannot be served.</summary>
public sealed class WantedSlotTests
{
    private static PlaceOrderRequest Form(string kind = "Service", bool urgent = false, string? day = null, string? part = null) =>
        new(kind, "Repair", "hubin", "g1", "b1", null, urgent, null, "张阿姨", "13812345678", "1号楼", "漏水")
        {
            Wanted = day is null && part is null ? null : new WantedRequest(day, part),
        };

    private static IReadOnlyDictionary<string, string[]> Refused(PlaceOrderRequest form, DateTimeOffset now) =>
        Assert.Throws<ApiProblemException>(() => OrderForm.Validate(form, now)).Problem.Errors!;

    [Theory]
    [InlineData("Today", "Afternoon", 12, 23)]
    [InlineData("Today", "Morning", 8, 23)] // under way: still its start, so a resubmitted form stays the same
    [InlineData("Tomorrow", "Morning", 8, 24)]
    [InlineData("Tomorrow", "Evening", 18, 24)]
    public void A_slot_becomes_its_start_China_time(string day, string part, int hour, int date) =>
        Assert.Equal(China(hour, 0, date), OrderForm.Validate(Form(day: day, part: part), China(10, 0)).Request.WantedAt);

    [Fact]
    public void No_slot_is_as_soon_as_possible() => Assert.Null(OrderForm.Validate(Form(), China(10, 0)).Request.WantedAt);

    [Fact]
    public void A_slot_already_over_is_refused_in_Chinese_first()
    {
        var message = Assert.Single(Refused(Form(day: "Today", part: "Morning"), China(12, 0))["wanted"]);
        Assert.StartsWith("所选时段已过", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_slot_names_its_field() =>
        Assert.Contains("wanted.part", Refused(Form(day: "Today", part: "Night"), China(10, 0)).Keys);

    [Fact]
    public void A_wish_is_neither_urgent_nor_timed()
    {
        Assert.Contains("urgent", Refused(Form(kind: "Wish", urgent: true), China(10, 0)).Keys);
        Assert.Contains("wanted", Refused(Form(kind: "Wish", day: "Tomorrow", part: "Morning"), China(10, 0)).Keys);
        Assert.Null(OrderForm.Validate(Form(kind: "Wish"), China(10, 0)).Request.WantedAt);
    }
}
