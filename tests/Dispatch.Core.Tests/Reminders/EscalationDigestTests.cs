using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;

namespace Dispatch.Core.Tests.Reminders;

/// <summary>The organizers' morning list of escalated orders.</summary>
public class EscalationDigestTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    [Fact]
    public void The_digest_goes_out_from_08_00_China_time_once_a_day_and_only_when_something_is_escalated()
    {
        var early = new DateTimeOffset(2026, 11, 24, 7, 59, 0, Cst);
        Assert.Null(EscalationDigest.Plan("c1", ["o1"], early));
        Assert.Null(EscalationDigest.Plan("c1", [], early.AddMinutes(1)));
        var digest = EscalationDigest.Plan("c1", ["o1", "o2", "o1"], early.AddMinutes(1))!;
        Assert.Equal(("digest-2026-11-24", "o1,o2"), (digest.Key, digest.Text));
        Assert.Equal(digest.Key, EscalationDigest.Plan("c1", ["o3"], early.AddHours(10))!.Key);
    }

    [Fact]
    public void A_long_list_is_cut_to_fit_a_notice_and_says_how_many_more()
    {
        var ids = Enumerable.Range(0, 100).Select(i => $"order-{i:D6}").ToList();
        var digest = EscalationDigest.Plan("c1", ids, new DateTimeOffset(2026, 11, 24, 8, 0, 0, Cst))!;
        Assert.InRange(digest.Text.Length, 1, 500);
        Assert.EndsWith($",+{100 - digest.Text.Split(',').Length + 1}", digest.Text, StringComparison.Ordinal);
        Assert.Equal(100, digest.OrderIds.Length);
    }

    [Fact]
    public void A_digest_reaches_the_views_as_a_list_of_ids_and_a_count_of_the_rest()
    {
        var ids = Enumerable.Range(0, 100).Select(i => $"order-{i:D6}").ToList();
        var digest = EscalationDigest.Plan("c1", ids, new DateTimeOffset(2026, 11, 24, 8, 0, 0, Cst))!;
        var view = NoticeView.Of(DateTimeOffset.UnixEpoch, digest.Key, NoticeKind.EscalationDigest, digest.Text);
        Assert.Null(view.Text);
        Assert.Equal(ids.Take(view.Digest!.OrderIds.Count), view.Digest.OrderIds);
        Assert.Equal(100, view.Digest.OrderIds.Count + view.Digest.More);
        Assert.True(view.Digest.More > 0);
        Assert.Equal(digest.Text, view.Digest.Text);
        Assert.Equal(new[] { "o1", "o2" }, DigestList.Parse("o1,o2")!.OrderIds);
        Assert.Equal(0, DigestList.Parse("o1,o2")!.More);
    }
}
