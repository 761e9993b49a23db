using CsCheck;
using Dispatch.Core.SignIn;

namespace Dispatch.Core.Tests.SignIn;

/// <summary>How often a code may be sent: once a minute and five times an hour per phone, twenty an hour per client.</summary>
public class SendLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly SignInPolicy Policy = SignInPolicy.Default;

    [Fact]
    public void A_second_code_within_a_minute_waits_for_the_rest_of_the_minute()
    {
        var sent = SendLimits.After([], Now);

        var refused = SendLimits.ForPhone(sent, Now.AddSeconds(20), Policy);
        Assert.False(refused.Allowed);
        Assert.Equal(40, refused.RetryAfterSeconds);
        Assert.True(SendLimits.ForPhone(sent, Now.AddSeconds(60), Policy).Allowed);
    }

    [Fact]
    public void A_sixth_code_in_an_hour_waits_until_the_first_leaves_the_hour()
    {
        IReadOnlyList<DateTimeOffset> sent = [];
        for (var i = 0; i < 5; i++)
        {
            var at = Now.AddMinutes(i * 2);
            Assert.True(SendLimits.ForPhone(sent, at, Policy).Allowed);
            sent = SendLimits.After(sent, at);
        }

        var refused = SendLimits.ForPhone(sent, Now.AddMinutes(10), Policy);
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromMinutes(50), refused.RetryAfter);
        Assert.True(SendLimits.ForPhone(sent, Now.AddHours(1), Policy).Allowed);
    }

    [Fact]
    public void One_client_address_gets_twenty_codes_an_hour()
    {
        var sent = Enumerable.Range(0, 20).Select(i => Now.AddSeconds(i)).ToList();

        Assert.False(SendLimits.ForAddress(sent, Now.AddMinutes(1), Policy).Allowed);
        Assert.True(SendLimits.ForAddress(sent[1..], Now.AddMinutes(1), Policy).Allowed);
    }

    [Fact]
    public void Whatever_the_history_the_stored_list_stays_within_the_hour_and_a_refusal_names_a_wait_that_works()
    {
        Gen.Int[0, 7200].Array[0, 30].Sample(offsets =>
        {
            var history = offsets.Select(s => Now.AddSeconds(-s)).ToList();
            Assert.All(SendLimits.After(history, Now), t => Assert.True(t > Now - SignInPolicy.Hour));
            var decision = SendLimits.ForPhone(history, Now, Policy);
            if (!decision.Allowed)
            {
                Assert.True(decision.RetryAfter > TimeSpan.Zero);
                Assert.True(SendLimits.ForPhone(history, Now + decision.RetryAfter, Policy).Allowed);
            }
        });
    }
}
