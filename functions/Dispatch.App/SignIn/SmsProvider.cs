using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Dispatch.App.SignIn;

/// <summary>The configured SMS provider (<see cref="SmsOptions"/>): one POST of <c>{to, text}</c> with the key as a
/// Bearer token. Sign-in codes (<see cref="SmsCodeSender"/>) and the SMS notification channel both send through it. A
/// provider that fails or does not answer within 10 s throws <see cref="SmsProviderException"/>. Never logs the phone,
/// the text or the key.</summary>
public sealed class SmsProvider(HttpClient http, IOptions<SmsOptions> options)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public bool IsConfigured => options.Value.IsConfigured;

    /// <exception cref="SmsProviderException">Not configured, refused, failed or timed out.</exception>
    public async Task SendAsync(string to, string text, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            throw new SmsProviderException("sms-not-configured");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, o.ProviderUrl) { Content = JsonContent.Create(new { to, text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SmsProviderException($"sms-provider-{(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException e)
        {
            throw new SmsProviderException($"sms-provider-unreachable ({e.HttpRequestError})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmsProviderException("sms-provider-timeout");
        }
    }
}

/// <summary>The provider did not take the text; the message is a short reason without the phone or the text.</summary>
public sealed class SmsProviderException(string reason) : Exception(reason);
