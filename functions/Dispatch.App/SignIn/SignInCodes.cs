using System.Security.Cryptography;
using Dispatch.App.RateLimiting;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.SignIn;
using Dispatch.Storage;

namespace Dispatch.App.SignIn;

/// <summary>Sends and checks one-time codes over the <see cref="SignInStore"/> with the core's rules
/// (<see cref="CodeRules"/>, <see cref="SendLimits"/>). Every write is conditional, and a lost race is re-decided
/// on what the winner wrote, so two racing requests can neither both pass a limit nor both use one code.</summary>
public sealed class SignInCodes(SignInStore store, ISignInCodeSender sender, TokenSigner signer, SignInPolicy policy, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <summary>Purpose of the derived key codes are hashed with.</summary>
    private const string KeyPurpose = "signin-code";

    private readonly byte[] _key = signer.DerivedKey(KeyPurpose);

    public TimeSpan CodeLifetime => policy.CodeLifetime;

    /// <summary>Counts a send against the phone's and the client address's limits (429 with Retry-After when over),
    /// stores the new code's hash and sends the code.</summary>
    public async Task SendAsync(string phone, string clientAddress, CancellationToken ct)
    {
        await CountAsync(SignInStore.AddressKey(clientAddress), SendLimits.ForAddress, ct);
        await CountAsync(phone, SendLimits.ForPhone, ct);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        await store.PutCodeAsync(phone, SignInCode.Issue(phone, code, _key, clock.GetUtcNow()), ct);
        await sender.SendAsync(phone, code, ct);
    }

    /// <summary>Checks the code: 400 code-wrong (one try counted) or code-expired otherwise. With
    /// <paramref name="use"/> the code is used up; without, it stays valid (a role still has to be chosen).</summary>
    public async Task CheckAsync(string phone, string? attempt, bool use, CancellationToken ct)
    {
        for (var i = 0; i < Attempts; i++)
        {
            var stored = await store.GetCodeAsync(phone, ct);
            var check = CodeRules.Check(stored?.Code, phone, attempt, _key, clock.GetUtcNow(), policy);
            switch (check.Outcome)
            {
                case CodeOutcome.NoneValid:
                    throw new ApiProblemException(SignInProblems.CodeExpired);
                case CodeOutcome.Wrong when await store.TryReplaceCodeAsync(phone, check.After!, stored!.ETag, ct):
                    throw new ApiProblemException(SignInProblems.CodeWrong);
                case CodeOutcome.Right when !use:
                    return;
                case CodeOutcome.Right when await store.TryReplaceCodeAsync(phone, CodeRules.Use(check.After!), stored!.ETag, ct):
                    return;
            }
        }

        throw new ApiProblemException(ApiProblem.Conflict("验证码正被同时使用，请重试。 The code was tried at the same time; try again."));
    }

    private async Task CountAsync(string key, Func<IReadOnlyList<DateTimeOffset>, DateTimeOffset, SignInPolicy, SendDecision> limit, CancellationToken ct)
    {
        for (var i = 0; i < Attempts; i++)
        {
            var log = await store.GetSendsAsync(key, ct);
            var now = clock.GetUtcNow();
            var decision = limit(log.SentAt, now, policy);
            if (!decision.Allowed)
            {
                throw new RateLimitedException(decision.RetryAfterSeconds, SignInProblems.TooManyCodes(decision.RetryAfterSeconds));
            }

            if (await store.TryWriteSendsAsync(key, SendLimits.After(log.SentAt, now), log.ETag, ct))
            {
                return;
            }
        }

        throw new RateLimitedException(1, SignInProblems.TooManyCodes(1));
    }
}
