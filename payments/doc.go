// Package payments reads the payment messages banks carry — ISO 20022
// pacs.008, pacs.009 and pain.001, and SWIFT FIN MT103 and MT101 — into
// screening.Payment values, one per transaction, so that every party a
// payment names can be screened with the role it plays and the place in the
// message it came from.
//
// Sanctions screening is about payments, not names: a listed person may be
// the creditor, the ultimate debtor, a name buried in remittance text or the
// bank in the middle of the chain. The parsers therefore extract every
// party, agent, BIC, identifier and free-text line, and give each a Path
// ("Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/Cdtr/Nm", "MT103[2] :59F:")
// that a reviewer can find in the original message.
//
// Free text becomes parties with their own paths, not Payment.Text
// (screening.Screener.Decide screens Text as well, so text in both would
// be screened twice and lose its location): remittance information (ISO
// 20022 RmtInf/Ustrd and Strd, MT field 70) with role Remittance,
// instructions to agents and MT 72 and 77B with role FreeText. The
// screener searches them for listed names as word windows. Accounts
// (DbtrAcct, CdtrAcct, the MT account line) and phone numbers are kept on
// their party, so that an IBAN's or a number's country is checked against
// the embargo table with the party's country, address and BIC.
//
// Input is untrusted. Every parser caps its input at MaxSize, rejects
// invalid UTF-8 and any XML DOCTYPE, never panics, and reports bad input as
// a *MessageError naming the message and the field or byte offset. In a
// file of several messages (an RJE batch separated by '$') a bad message is
// reported and the others are still returned, with the errors joined.
//
// ScreenMessage screens every payment of a message with a Decider (such as
// *screening.Screener) and gives the message the most severe outcome.
package payments
