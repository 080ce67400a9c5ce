/**
 * On the page of an expired link: ask the team for a new one (issue 17). The expired link's token
 * waits in an HttpOnly cookie the server set when it was opened; the request goes to the team page.
 */

import { useState } from 'react';
import { post } from '../../api/request';
import { useT } from '../../i18n';
import { useRequest } from '../../ui/useRequest';

export function AskForLink() {
  const t = useT();
  const request = useRequest();
  const [asked, setAsked] = useState(false);
  if (asked)
    return (
      <p className="lead" role="status">
        {t('linkRequest.asked')}
      </p>
    );
  return (
    <p>
      <button
        type="button"
        className="button"
        disabled={request.busy}
        onClick={() =>
          request.run(async () => {
            await post('/api/link-requests', {});
            setAsked(true);
          }, t('linkRequest.failed'))
        }
      >
        {t('linkRequest.ask')}
      </button>
      {request.error && <span className="hint"> {request.error}</span>}
    </p>
  );
}
