using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dispatch.Core.Api;
using Microsoft.Extensions.Options;

namespace Dispatch.App.SignIn;

/// <summary>Sends codes through the configured SMS provider (<see cref="SmsOptions"/>): one POST of <c>{to, text}</c>
/// with the key as a Bearer token. A provider that fails or does not answer within 10 s is 503 sms-unavailable; the
/// code was stored but not sent, and the phone's send limit still counts it, so a broken provider cannot be used to
/// send floods later. Never logs the phone, the text or the key.</summary>
public sealed class SmsCodeSender(HttpClient http, IOptions<SmsOptions> options) : ISignInCodeSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task SendAsync(string phone, string code, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            throw new ApiProblemException(SignInProblems.SmsNotConfigured);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, o.ProviderUrl)
        {
            Content = JsonContent.Create(new { to = phone, text = string.Format(CultureInfo.InvariantCulture, o.Template, code) }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiProblemException(SignInProblems.SmsUnavailable);
            }
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ApiProblemException(SignInProblems.SmsUnavailable);
        }
    }
}
