using Dispatch.Core.Notifications;

namespace Dispatch.Core.Tests.Notifications;

public sealed class DeliveryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    public void A_failed_attempt_is_tried_again_after_1_5_then_30_minutes(int attempt, int minutes)
    {
        Assert.Equal(Now.AddMinutes(minutes), DeliveryPolicy.Default.NextAttemptAt(attempt, Now));
        Assert.Equal(DeliveryOutcome.Retrying, DeliveryPolicy.Default.AfterFailure(attempt));
    }

    [Fact]
    public void After_the_fourth_attempt_the_delivery_is_given_up()
    {
        Assert.Equal(4, DeliveryPolicy.Default.MaxAttempts);
        Assert.Null(DeliveryPolicy.Default.NextAttemptAt(4, Now));
        Assert.Equal(DeliveryOutcome.Failed, DeliveryPolicy.Default.AfterFailure(4));
    }

    [Fact]
    public void There_is_no_attempt_zero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeliveryPolicy.Default.NextAttemptAt(0, Now));

    [Fact]
    public void Messages_are_Chinese_first_and_carry_the_link_after_the_text()
    {
        var offer = ChannelMessage.Offer(new DateTimeOffset(2026, 11, 23, 4, 30, 0, TimeSpan.Zero), "https://x.example/member.html?o=1&t=abc");
        Assert.StartsWith("【社区志愿服务】", offer.Text, StringComparison.Ordinal);
        Assert.Contains("11月23日 12:30", offer.Text, StringComparison.Ordinal); // China time
        Assert.EndsWith(" https://x.example/member.html?o=1&t=abc", offer.Text, StringComparison.Ordinal);
        Assert.Contains("王芳", ChannelMessage.Accepted("王芳").Text, StringComparison.Ordinal);
        Assert.Null(ChannelMessage.Closed().Link);
    }
}
