using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Notifications;

namespace Dispatch.Storage;

/// <summary>A phone's push subscription (the browser's endpoint and keys).</summary>
public sealed record PushTarget(string Endpoint, string P256dh, string Auth)
{
    /// <summary>Names the subscription in row keys and the delivery log without its endpoint (which is a capability).</summary>
    public string Id => IdOf(Endpoint);

    public static string IdOf(string endpoint) => Keys.Sha256Hex(endpoint)[..32];
}

/// <summary>What a person chose: an email address, SMS to their mobile, the phones subscribed to push, and the language
/// of their messages (the page's when they saved).</summary>
public sealed record PersonChannels(string? Email, bool Sms, IReadOnlyList<PushTarget> Push, MessageLanguage Language = MessageLanguage.Zh)
{
    public static PersonChannels None { get; } = new(null, false, []);
}

/// <summary>Partition keys of the people who choose channels.</summary>
public static class ChannelPerson
{
    public static string Member(string memberId) => $"m|{Keys.Id(memberId, nameof(memberId))}";

    public static string Organizer(string communityId, string organizerId) =>
        $"o|{Keys.Id(communityId, nameof(communityId))}|{Keys.Id(organizerId, nameof(organizerId))}";
}

/// <summary>The <c>channels</c> table. Partition = the person (<see cref="ChannelPerson"/>); row "settings" holds the
/// email address and the SMS choice, a row "push|{id}" each phone's subscription. One partition read gives all.</summary>
public sealed class ChannelStore(StorageAccount account)
{
    private const string Settings = "settings";
    private const string PushPrefix = "push|";

    private readonly FeatureTable _table = new(account, ChannelTables.Channels);

    public async Task<PersonChannels> GetAsync(string person, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        string? email = null;
        var sms = false;
        var language = MessageLanguage.Zh;
        var push = new List<PushTarget>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {person}"), cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            if (e.RowKey == Settings)
            {
                email = e.GetString("Email");
                sms = e.GetBoolean("Sms") ?? false;
                language = Enum.TryParse<MessageLanguage>(e.GetString("Language"), out var l) ? l : MessageLanguage.Zh;
            }
            else if (e.RowKey.StartsWith(PushPrefix, StringComparison.Ordinal))
            {
                push.Add(new PushTarget(e.GetString("Endpoint") ?? "", e.GetString("P256dh") ?? "", e.GetString("Auth") ?? ""));
            }
        }

        return new PersonChannels(email, sms, push, language);
    }

    /// <summary>Sets the email address (null: none), the SMS choice and the messages' language; idempotent.</summary>
    public async Task SetAsync(string person, string? email, bool sms, MessageLanguage language = MessageLanguage.Zh, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(person, Settings) { ["Email"] = email, ["Sms"] = sms, ["Language"] = language.ToString() };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the messages' language only, keeping the email address and the SMS choice; idempotent.</summary>
    public async Task SetLanguageAsync(string person, MessageLanguage language, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(person, Settings) { ["Language"] = language.ToString() };
        await table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds (or refreshes) a phone's subscription; idempotent.</summary>
    public async Task AddPushAsync(string person, PushTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(person, PushPrefix + target.Id) { ["Endpoint"] = target.Endpoint, ["P256dh"] = target.P256dh, ["Auth"] = target.Auth };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets everything the person chose (email address, SMS choice, every phone's push subscription): channel
    /// addresses are personal data, kept only while the person takes part. Idempotent.</summary>
    public async Task ForgetAsync(string person, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(
                               TableClient.CreateQueryFilter($"PartitionKey eq {person}"), select: ["RowKey"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            rows.Add(e.RowKey);
        }

        foreach (var row in rows)
        {
            await Projection.DeleteIfExistsAsync(table, person, row, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets a subscription (the push service says it is gone, or the phone turned push off); idempotent.</summary>
    public async Task RemovePushAsync(string person, string targetId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(person, PushPrefix + targetId, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
        }
    }
}
