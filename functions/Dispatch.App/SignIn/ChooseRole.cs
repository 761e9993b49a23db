using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.SignIn;

/// <summary>The 409 a phone with several identities gets when it named none: a problem (RFC 9457) with the extension
/// member <c>choices</c>, so the page can ask which one and send the code again with it.</summary>
public static class ChooseRole
{
    public const string Type = "https://dispatch.example/problems/choose-role";

    public static IResult Result(IReadOnlyList<SignInChoice> choices, string? instance) => Results.Json(
        new
        {
            type = Type,
            title = "这个号码有多个身份，请选择以哪个身份登录。 This number has several roles: choose one.",
            status = StatusCodes.Status409Conflict,
            detail = "验证码仍然有效，选择身份后再次提交即可。 The code is still valid: send it again with the role you choose.",
            instance,
            choices,
        },
        options: null,
        contentType: Problems.Problems.ContentType,
        statusCode: StatusCodes.Status409Conflict);
}
