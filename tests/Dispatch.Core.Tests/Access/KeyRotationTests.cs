using Dispatch.Core.Access;

namespace Dispatch.Core.Tests.Access;

/// <summary>Rotating the signing key: new links use the new key, links already handed out keep opening until
/// the grace period ends, and never after.</summary>
public class KeyRotationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset GraceEnds = Now.AddDays(90);
    private static readonly byte[] Old = TestKeys.Key(1);
    private static readonly byte[] New = TestKeys.Key(2);

    private static AccessToken Link(DateTimeOffset expires) => new(TokenRole.Member, "m1", "hubin", expires);

    [Fact]
    public void A_link_signed_before_the_rotation_opens_until_the_grace_period_ends()
    {
        var handedOut = new TokenSigner(Old).Sign(Link(Now.AddDays(120)));
        var rotated = new TokenSigner(new SigningKeys(New, Old, GraceEnds));

        Assert.Equal("m1", rotated.Verify(handedOut, Now).Subject);
        Assert.Equal("m1", rotated.Verify(handedOut, GraceEnds.AddSeconds(-1)).Subject);
        Assert.Equal(TokenFailure.BadSignature, Fails(() => rotated.Verify(handedOut, GraceEnds)));
    }

    [Fact]
    public void New_links_are_signed_with_the_current_key_only()
    {
        var rotated = new TokenSigner(new SigningKeys(New, Old, GraceEnds));
        var fresh = rotated.Sign(Link(Now.AddDays(120)));

        Assert.Equal("m1", new TokenSigner(New).Verify(fresh, Now).Subject);
        Assert.Equal(TokenFailure.BadSignature, Fails(() => new TokenSigner(Old).Verify(fresh, Now)));
        Assert.Equal("m1", rotated.Verify(fresh, GraceEnds.AddDays(1)).Subject); // the current key has no end
    }

    [Fact]
    public void The_grace_period_does_not_extend_a_link_past_its_own_expiry()
    {
        var handedOut = new TokenSigner(Old).Sign(Link(Now.AddDays(7)));
        var rotated = new TokenSigner(new SigningKeys(New, Old, GraceEnds));

        Assert.Equal(TokenFailure.Expired, Fails(() => rotated.Verify(handedOut, Now.AddDays(8))));
    }

    [Fact]
    public void A_key_that_was_never_configured_is_refused_during_the_grace_period()
    {
        var forged = new TokenSigner(TestKeys.Key(3)).Sign(Link(Now.AddDays(1)));
        var rotated = new TokenSigner(new SigningKeys(New, Old, GraceEnds));

        Assert.Equal(TokenFailure.BadSignature, Fails(() => rotated.Verify(forged, Now)));
    }

    [Fact]
    public void Keys_shorter_than_32_bytes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SigningKeys(TestKeys.Key(1, 31)));
        Assert.Throws<ArgumentException>(() => new SigningKeys(New, TestKeys.Key(1, 16), GraceEnds));
    }

    private static TokenFailure Fails(Action action) => Assert.Throws<InvalidTokenException>(action).Failure;
}
