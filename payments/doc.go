// Package payments reads the payment messages banks carry (ISO 20022
// pacs.008, pacs.009 and pain.001; SWIFT FIN MT103 and MT101) into
// screening.Payment values, one per transaction, and screens them.
//
//	res, err := payments.ScreenMessage(ctx, screener, r) // screener: a *screening.Screener
//	if err != nil {
//		return err // no valid outcome: the message must not be released
//	}
//	switch res.Outcome { // the most severe outcome of its payments
//	case screening.Freeze, screening.Hold:
//		// block or queue; res.ParseErr says what could not be read
//	}
//
// Sanctions screening is about payments, not names: a listed person may be
// the creditor, the ultimate debtor, a name in the remittance text or the
// bank in the middle of the chain. So every party, agent, BIC, identifier
// and free-text line is extracted with its role and a Path a reviewer can
// find in the original message ("Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/Cdtr/Nm",
// "MT103[2] :59F:"). Free text (remittance information, instructions to
// agents) becomes parties of its own, not Payment.Text, so that it is
// screened once and keeps its place; accounts and phone numbers stay on
// their party, so that their country is checked with the party's.
//
// Input is untrusted: it is capped at [MaxSize] ([lists.ErrTooLarge]),
// invalid UTF-8 and XML DOCTYPEs ([lists.ErrDoctype]) are refused, nothing panics, and bad input
// is a [*MessageError] naming the message and the field or byte offset. In
// an RJE batch a bad message is reported and the others are still
// returned. [Parse] reads a message without screening it.
package payments
