using System.Security.Cryptography;
using System.Text.Json;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Storage;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dispatch.App.SignIn;

/// <summary>Passkeys (通行密钥), a second way in: a person signed in (by a code) registers a passkey on their phone;
/// later the passkey alone opens the same session. The relying party is the public site (Dispatch:PublicBaseUrl):
/// its host is the RP id and its origin the only one accepted. Each ceremony's options travel sealed with the browser
/// (<see cref="Ceremonies"/>) for five minutes, and a ceremony is answered at most once (<see cref="PasskeyStore"/>).</summary>
public sealed class PasskeyUseCases(
    PasskeyStore store, Ceremonies ceremonies, Access access, TokenSigner signer, SignInIdentities identities, IOptions<PublicLinkOptions> links, TimeProvider clock)
{
    /// <summary>The options to create a passkey for the signed-in person (a session role: 403 otherwise).</summary>
    public async Task<IResult> RegisterOptionsAsync(HttpContext http, CancellationToken ct)
    {
        var session = SessionToken(http);
        var options = Fido().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = RandomNumberGenerator.GetBytes(16), Name = session.Subject, DisplayName = session.Subject },
            ExcludeCredentials = [],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        return Ceremony(options.ToJson(), signer.Sign(session));
    }

    /// <summary>Stores the passkey the browser created, for the person whose session asked for the options.</summary>
    public async Task<IResult> RegisterAsync(HttpContext http, PasskeyAnswer? body, CancellationToken ct)
    {
        var session = SessionToken(http);
        var (json, asker) = await TakeAsync(body, ct);
        if (asker is null || signer.Verify(asker, clock.GetUtcNow()) != session)
        {
            throw new InvalidTokenException(TokenFailure.WrongPerson);
        }

        var credential = await VerifiedAsync(() => Fido().MakeNewCredentialAsync(new MakeNewCredentialParams
        {
            AttestationResponse = Read<AuthenticatorAttestationRawResponse>(body!),
            OriginalOptions = CredentialCreateOptions.FromJson(json),
            IsCredentialIdUniqueToUserCallback = async (args, token) => await store.GetAsync(args.CredentialId, token) is null,
        }, ct));
        await store.AddAsync(new StoredPasskey(
            credential.Id, credential.PublicKey, credential.SignCount, credential.User.Id,
            session.Role.ToString(), session.Subject, session.Scope, session.Grid, clock.GetUtcNow()), ct);
        return Results.Created((string?)null, new PasskeyRegistered(Convert.ToBase64String(credential.Id)));
    }

    /// <summary>The options to sign in with any passkey of this site (discoverable: no phone typed).</summary>
    public IResult SignInOptions()
    {
        var options = Fido().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Required,
        });
        return Ceremony(options.ToJson(), null);
    }

    /// <summary>Signs in with a passkey: the same session as a code gives. A deactivated member's passkey, or a removed
    /// organizer's or administrator's, no longer opens (403 no-account).</summary>
    public async Task<IResult> SignInAsync(HttpContext http, PasskeyAnswer? body, CancellationToken ct)
    {
        var (json, _) = await TakeAsync(body, ct);
        var answer = Read<AuthenticatorAssertionRawResponse>(body!);
        var stored = await store.GetAsync(answer.RawId, ct) ?? throw new ApiProblemException(PasskeyProblems.Unknown);
        var result = await VerifiedAsync(() => Fido().MakeAssertionAsync(new MakeAssertionParams
        {
            AssertionResponse = answer,
            OriginalOptions = AssertionOptions.FromJson(json),
            StoredPublicKey = stored.PublicKey,
            StoredSignatureCounter = stored.SignCount,
            IsUserHandleOwnerOfCredentialIdCallback = (args, _) => Task.FromResult(args.UserHandle.AsSpan().SequenceEqual(stored.UserHandle)),
        }, ct));
        await store.SetSignCountAsync(stored.CredentialId, result.SignCount, ct);

        var role = Enum.Parse<TokenRole>(stored.Role);
        if (!await identities.StillValidAsync(role, stored.Subject, stored.Scope, ct))
        {
            throw new ApiProblemException(SignInProblems.NoAccount);
        }

        return Results.Ok(Sessions.Open(http, signer, new Identity(role, stored.Subject, stored.Scope, stored.Grid, ""), clock.GetUtcNow()));
    }

    private AccessToken SessionToken(HttpContext http)
    {
        var token = access.Read(http.Request);
        return token.Role is TokenRole.Member or TokenRole.Organizer or TokenRole.Administrator
            ? token
            : throw new InvalidTokenException(TokenFailure.WrongRole);
    }

    private IResult Ceremony(string optionsJson, string? session)
    {
        using var options = JsonDocument.Parse(optionsJson);
        return Results.Ok(new PasskeyOptions(ceremonies.Seal(optionsJson, session, clock.GetUtcNow()), options.RootElement.Clone()));
    }

    /// <summary>The ceremony's options and who asked: 400 passkey-expired when forged, expired or already answered.</summary>
    private async Task<(string Options, string? Session)> TakeAsync(PasskeyAnswer? body, CancellationToken ct)
    {
        if (ceremonies.Open(body?.CeremonyId, clock.GetUtcNow()) is not { } opened
            || !await store.TryUseCeremonyAsync(Ceremonies.Hash(body!.CeremonyId!), opened.ExpiresAt, ct))
        {
            throw new ApiProblemException(PasskeyProblems.Expired);
        }

        return (opened.Options, opened.Session);
    }

    private static T Read<T>(PasskeyAnswer body)
    {
        try
        {
            return body.Response.Deserialize<T>() ?? throw new ApiProblemException(PasskeyProblems.Invalid);
        }
        catch (JsonException)
        {
            throw new ApiProblemException(PasskeyProblems.Invalid);
        }
    }

    /// <summary>A ceremony the library refuses (wrong origin, challenge, signature, counter…) is 400 passkey-invalid.</summary>
    private static async Task<T> VerifiedAsync<T>(Func<Task<T>> verify)
    {
        try
        {
            return await verify();
        }
        catch (Fido2VerificationException)
        {
            throw new ApiProblemException(PasskeyProblems.Invalid);
        }
    }

    private Fido2 Fido()
    {
        var site = new Uri(links.Value.PublicBaseUrl);
        return new Fido2(new Fido2Configuration
        {
            RPID = site.Host,
            RPName = "党员志愿服务",
            Origins = new HashSet<string>(StringComparer.Ordinal) { site.GetLeftPart(UriPartial.Authority) },
        });
    }
}
