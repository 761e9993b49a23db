using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;

namespace Dispatch.Core.Tests.Reminders;

/// <summary>Members behind the annual quota hear about it once a quarter, with wishes from their own grid.</summary>
public class QuotaNudgesTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, Cst);

    [Fact]
    public void Only_members_behind_on_wishes_or_posts_are_nudged_with_the_quarters_key()
    {
        var nudges = QuotaNudges.Plan(
            [new("done", "g1", 2, 1), new("wishes", "g1", 1, 1), new("posts", "g1", 2, 0), new("none", "g2", 0, 0)],
            [],
            Now);
        Assert.Equal(["none", "posts", "wishes"], nudges.Select(n => n.RecipientId));
        Assert.All(nudges, n => Assert.Equal(("quota-2026-Q4", "quota-2026-Q4", NoticeKind.QuotaNudge), (n.Key, n.Subject, n.Kind)));
        Assert.All(nudges, n => Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, Cst), n.ExpiresAt));
    }

    [Fact]
    public void Open_wishes_of_the_members_own_grid_are_suggested_oldest_first_at_most_three()
    {
        OpenWish[] wishes =
        [
            new("w4", "g1", Now.AddDays(-1)), new("w1", "g1", Now.AddDays(-4)), new("w2", "g1", Now.AddDays(-3)),
            new("w3", "g1", Now.AddDays(-2)), new("x1", "g2", Now.AddDays(-9)),
        ];
        var nudge = Assert.Single(QuotaNudges.Plan([new("m1", "g1", 0, 0)], wishes, Now));
        Assert.Equal("wishes 0/2 posts 0/1 suggest w1,w2,w3", nudge.Text);

        // Done with wishes: nothing to suggest, only the post is missing.
        Assert.Equal("wishes 2/2 posts 0/1", Assert.Single(QuotaNudges.Plan([new("m1", "g1", 2, 0)], wishes, Now)).Text);
    }

    [Fact]
    public void A_nudge_reaches_the_views_as_progress_not_as_text()
    {
        var stored = Assert.Single(QuotaNudges.Plan([new("m1", "g1", 1, 0)], [new("w1", "g1", Now), new("w2", "g1", Now)], Now)).Text;
        var view = NoticeView.Of(Now, "quota-2026-Q4", NoticeKind.QuotaNudge, stored);
        Assert.Null(view.Text);
        Assert.Equal((1, 0), (view.Quota!.Wishes, view.Quota.Posts));
        Assert.Equal(["w1", "w2"], view.Quota.Suggested);
        Assert.Equal(stored, view.Quota.Text);
        Assert.Empty(QuotaProgress.Parse("wishes 2/2 posts 0/1")!.Suggested);

        // Anything else keeps its text, and so does a nudge row that holds no progress.
        Assert.Equal("x", NoticeView.Of(Now, "o1", NoticeKind.OfferReminder, "x").Text);
        var odd = NoticeView.Of(Now, "quota-2026-Q4", NoticeKind.QuotaNudge, "odd");
        Assert.Equal(("odd", null), (odd.Text, odd.Quota));
    }

    [Fact]
    public void Quarters_follow_China_time()
    {
        // 31 December 20:00 UTC is already 1 January in China.
        var newYear = new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal("quota-2027-Q1", QuotaNudges.KeyFor(newYear));
        Assert.Equal("quota-2026-Q2", QuotaNudges.KeyFor(new DateTimeOffset(2026, 6, 30, 12, 0, 0, Cst)));
    }
}
