using Dispatch.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignedLinks;

/// <summary>A verified registrant's link: the community's registration link (在职党员报到, subject
/// <see cref="AccessTokens.CommunityRegistration"/>) or an applicant's own link (subject: their registration id). Both
/// register at the community (its scope); binding refuses no link or a broken one (401) and another role's (403
/// token-wrongrole). <see cref="Applicant"/> checks an applicant's link against the route's registration.</summary>
public sealed record RegistrantLink(AccessToken Token)
{
    public string CommunityId => Token.Scope;

    public static ValueTask<RegistrantLink?> BindAsync(HttpContext context) =>
        LinkBinding.Bind(context, From);

    /// <summary>The Azure functions' one call, with the function's <see cref="Access"/> (inside HttpApi.RunAsync,
    /// which maps the failures to problems).</summary>
    public static RegistrantLink From(HttpRequest request, Access access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new(LinkBinding.Role(access.Read(request), TokenRole.Registrant));
    }

    /// <summary>This link, if it is the applicant's link to <paramref name="registrationId"/>: 403 token-wrongperson
    /// otherwise (the community's link opens no one's registration).</summary>
    public RegistrantLink Applicant(string registrationId) =>
        Token.Subject == registrationId ? this : throw new InvalidTokenException(TokenFailure.WrongPerson);
}
