using CsCheck;
using Dispatch.Core.SignIn;

namespace Dispatch.Core.Tests.SignIn;

/// <summary>One-time codes: right only once, for five minutes, and burnt after five wrong tries; only a hash is kept.</summary>
public class CodeRulesTests
{
    private const string Phone = "13800000001";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private static readonly SignInPolicy Policy = SignInPolicy.Default;

    private static CodeCheck Try(SignInCode? stored, string attempt, DateTimeOffset at) => CodeRules.Check(stored, Phone, attempt, Key, at, Policy);

    [Fact]
    public void The_code_is_right_until_five_minutes_after_it_was_sent_and_never_after()
    {
        var code = SignInCode.Issue(Phone, "123456", Key, Now);

        Assert.Equal(CodeOutcome.Right, Try(code, "123456", Now.AddMinutes(5).AddTicks(-1)).Outcome);
        Assert.Equal(CodeOutcome.NoneValid, Try(code, "123456", Now.AddMinutes(5)).Outcome);
    }

    [Fact]
    public void A_used_code_does_not_sign_in_again()
    {
        var used = CodeRules.Use(SignInCode.Issue(Phone, "123456", Key, Now));

        Assert.Equal(CodeOutcome.NoneValid, Try(used, "123456", Now.AddSeconds(10)).Outcome);
    }

    [Fact]
    public void Five_wrong_codes_burn_the_code_even_for_the_right_one_after()
    {
        var code = SignInCode.Issue(Phone, "123456", Key, Now);
        for (var i = 0; i < 5; i++)
        {
            var check = Try(code, "000000", Now);
            Assert.Equal(CodeOutcome.Wrong, check.Outcome);
            code = check.After!;
        }

        Assert.Equal(5, code.WrongTries);
        Assert.Equal(CodeOutcome.NoneValid, Try(code, "123456", Now).Outcome);
    }

    [Fact]
    public void No_code_sent_is_the_same_outcome_as_an_expired_one()
    {
        Assert.Equal(CodeOutcome.NoneValid, Try(null, "123456", Now).Outcome);
    }

    [Fact]
    public void Only_a_keyed_hash_is_stored_and_it_differs_per_phone()
    {
        var code = SignInCode.Issue(Phone, "123456", Key, Now);

        Assert.DoesNotContain("123456", code.Hash, StringComparison.Ordinal);
        Assert.NotEqual(code.Hash, SignInCode.Issue("13800000002", "123456", Key, Now).Hash);
        Assert.NotEqual(code.Hash, SignInCode.Issue(Phone, "123456", [.. Key.Reverse()], Now).Hash);
    }

    [Fact]
    public void Any_other_six_digits_or_malformed_text_is_wrong_and_only_the_sent_code_is_right()
    {
        Gen.Int[0, 999_999].Select(Gen.String[Gen.Char, 0, 8]).Sample((n, junk) =>
        {
            var sent = n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var code = SignInCode.Issue(Phone, sent, Key, Now);
            Assert.Equal(CodeOutcome.Right, Try(code, sent, Now).Outcome);
            var other = ((n + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(CodeOutcome.Wrong, Try(code, other, Now).Outcome);
            Assert.Equal(junk == sent ? CodeOutcome.Right : CodeOutcome.Wrong, Try(code, junk, Now).Outcome);
        });
    }
}
