import { PageHeader } from '../components/PageHeader';
import { ImportsList } from '../imports/ImportsList';
import { TemplateLinks } from '../imports/TemplateLinks';
import { UploadForm } from '../imports/UploadForm';

export function ImportsPage() {
  return (
    <>
      <PageHeader
        title="Imports"
        description="Upload metric, user, coaching history and profile files, follow them and roll them back."
      />
      <div className="imports-top">
        <UploadForm />
        <TemplateLinks />
      </div>
      <ImportsList />
    </>
  );
}
