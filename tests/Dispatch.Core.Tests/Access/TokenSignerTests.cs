using Dispatch.Core.Access;
using Dispatch.Core.Privacy;

namespace Dispatch.Core.Tests.Access;

public class TokenSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private readonly TokenSigner _signer = new(TestKeys.Key(1));

    [Fact]
    public void A_signed_link_opens_its_own_order_until_it_expires()
    {
        var token = _signer.Sign(new AccessToken(TokenRole.Resident, "resident", "o1", Now.AddDays(30)));
        Assert.Equal("o1", _signer.Require(token, TokenRole.Resident, "o1", Now.AddDays(29)).Scope);
        Assert.Equal(TokenFailure.Expired, Fails(() => _signer.Require(token, TokenRole.Resident, "o1", Now.AddDays(30))));
        Assert.Equal(TokenFailure.WrongScope, Fails(() => _signer.Require(token, TokenRole.Resident, "o2", Now)));
        Assert.Equal(TokenFailure.WrongRole, Fails(() => _signer.Require(token, TokenRole.Member, "o1", Now)));
    }

    [Fact]
    public void An_offer_link_says_it_is_order_scoped_and_an_inbox_link_reads_as_before()
    {
        var offer = _signer.Sign(new AccessToken(TokenRole.Member, "m1", "o1", Now.AddHours(2), OrderScoped: true));
        var inbox = _signer.Sign(new AccessToken(TokenRole.Member, "m1", "hubin", Now.AddDays(30)));
        Assert.True(_signer.Verify(offer, Now).OrderScoped);
        Assert.False(_signer.Verify(inbox, Now).OrderScoped);
        // The flag is written only when set, so the links handed out before it existed keep their spelling.
        Assert.DoesNotContain("\"O\"", System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(inbox.Split('.')[0])), StringComparison.Ordinal);
        Assert.Equal(TokenFailure.Expired, Fails(() => _signer.Verify(offer, Now.AddHours(2))));
    }

    [Fact]
    public void A_token_opens_only_in_the_one_spelling_it_was_issued_in()
    {
        var token = _signer.Sign(new AccessToken(TokenRole.Member, "m1", "o1", Now.AddDays(1)));
        var (payload, mac) = (token.Split('.')[0], token.Split('.')[1]);
        Assert.Equal("m1", _signer.Verify(token, Now).Subject);
        foreach (var variant in new[] { token + "=", token + "==", payload + "=." + mac, token + ".", token + "\n", " " + token })
        {
            Assert.Equal(TokenFailure.Malformed, Fails(() => _signer.Verify(variant, Now)));
        }
    }

    [Fact]
    public void Forged_tampered_garbled_and_missing_tokens_are_refused_by_name()
    {
        var token = _signer.Sign(new AccessToken(TokenRole.Member, "m1", "o1", Now.AddDays(1)));
        var other = new TokenSigner(TestKeys.Key(2)).Sign(new AccessToken(TokenRole.Member, "m1", "o1", Now.AddDays(1)));
        var forSomeoneElse = _signer.Sign(new AccessToken(TokenRole.Member, "m2", "o1", Now.AddDays(1)));
        var tampered = forSomeoneElse.Split('.')[0] + "." + token.Split('.')[1];

        Assert.Equal(TokenFailure.BadSignature, Fails(() => _signer.Verify(other, Now)));
        Assert.Equal(TokenFailure.BadSignature, Fails(() => _signer.Verify(tampered, Now)));
        Assert.Equal(TokenFailure.Malformed, Fails(() => _signer.Verify("not a token", Now)));
        Assert.Equal(TokenFailure.Missing, Fails(() => _signer.Verify(null, Now)));
    }

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("010-12345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("abc", false)]
    public void Phone_numbers_are_checked(string phone, bool valid) => Assert.Equal(valid, Phone.IsValid(phone));

    [Fact]
    public void Phones_are_masked_for_logs() => Assert.Equal("138****5678", Phone.Mask("13812345678"));

    private static TokenFailure Fails(Action action) => Assert.Throws<InvalidTokenException>(action).Failure;
}
