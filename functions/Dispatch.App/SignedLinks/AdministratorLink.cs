using Dispatch.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignedLinks;

/// <summary>A verified district administrator's link (区级管理员): the rule of the administration routes
/// (communities and their organizers). No link or a broken one is 401, another role's 403 token-wrongrole.</summary>
public sealed record AdministratorLink(AccessToken Token)
{
    public string AdministratorId => Token.Subject;

    public static ValueTask<AdministratorLink?> BindAsync(HttpContext context) =>
        LinkBinding.Bind(context, From);

    /// <summary>The Azure functions' one call, with the function's <see cref="Access"/> (inside HttpApi.RunAsync,
    /// which maps the failures to problems).</summary>
    public static AdministratorLink From(HttpRequest request, Access access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var token = LinkBinding.Role(access.Read(request), TokenRole.Administrator);
        return token.Scope == AccessTokens.District ? new(token) : throw new InvalidTokenException(TokenFailure.WrongScope);
    }
}
