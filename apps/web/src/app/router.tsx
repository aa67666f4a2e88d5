import { lazy, Suspense } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { Route, Switch } from 'wouter';
import { Loading } from '../components/ui/loading';
import { commonMessages } from '../lib/i18n/common-messages';
import { useMessages } from '../lib/i18n/i18n';
import { NotFound, RequireSession } from './guards';

type PageModule = Promise<{ Component: ComponentType }>;

/** Every page is its own chunk, loaded when first visited; the registrar's are never sent to students. */
function page(load: () => PageModule): ComponentType {
  const Page = lazy(() => load().then((m) => ({ default: m.Component })));
  return function LazyPage() {
    return <Page />;
  };
}

const SignIn = page(() => import('../features/auth/routes/sign-in'));
const Lookup = page(() => import('../features/auth/routes/lookup'));
const ChangePassword = page(() => import('../features/auth/routes/change-password'));
const Catalog = page(() => import('../features/catalog/routes/catalog'));
const SectionDetail = page(() => import('../features/catalog/routes/section-detail'));
const Guide = page(() => import('../features/guide/routes/guide'));
const Boards = page(() => import('../features/boards/routes/boards'));
const Board = page(() => import('../features/boards/routes/board'));
const Post = page(() => import('../features/boards/routes/post'));
const Register = page(() => import('../features/registration/routes/register'));
const Cart = page(() => import('../features/cart/routes/cart'));
const Timetable = page(() => import('../features/timetable/routes/timetable'));
const Profile = page(() => import('../features/profile/routes/profile'));

const AdminDashboard = page(() => import('../features/admin/routes/dashboard'));
const AdminMonitor = page(() => import('../features/admin/routes/monitor'));
const AdminDepartments = page(() => import('../features/admin/routes/departments'));
const AdminProfessors = page(() => import('../features/admin/routes/professors'));
const AdminStudents = page(() => import('../features/admin/routes/students'));
const AdminStudentsImport = page(() => import('../features/admin/routes/students-import'));
const AdminSubjects = page(() => import('../features/admin/routes/subjects'));
const AdminSections = page(() => import('../features/admin/routes/sections'));
const AdminSectionEdit = page(() => import('../features/admin/routes/section-edit'));
const AdminPeriods = page(() => import('../features/admin/routes/periods'));
const AdminPosts = page(() => import('../features/admin/routes/posts'));
const AdminNotices = page(() => import('../features/admin/routes/notices'));
const AdminAudit = page(() => import('../features/admin/routes/audit'));

function Student({ children }: { children: ReactNode }) {
  return <RequireSession role="student">{children}</RequireSession>;
}
function Admin({ children }: { children: ReactNode }) {
  return <RequireSession role="admin">{children}</RequireSession>;
}

/**
 * Page paths follow the original's routing so one ingress keeps working: `/`, `/student/*` and
 * `/admin/*` belong to the student service, `/sugang/*` to the registration service.
 */
export function AppRoutes() {
  const t = useMessages(commonMessages);
  return (
    <Suspense fallback={<Loading label={t('loading')} />}>
      <Switch>
        <Route path="/" component={SignIn} />
        <Route path="/student/lookup" component={Lookup} />
        <Route path="/student/password">
          <RequireSession allowPending>
            <ChangePassword />
          </RequireSession>
        </Route>
        <Route path="/sugang/catalog" component={Catalog} />
        <Route path="/sugang/catalog/:sectionId" component={SectionDetail} />
        <Route path="/sugang/guide" component={Guide} />
        <Route path="/student/boards" component={Boards} />
        <Route path="/student/boards/:departmentId" component={Board} />
        <Route path="/student/posts/:postId" component={Post} />
        <Route path="/sugang">
          <Student>
            <Register />
          </Student>
        </Route>
        <Route path="/sugang/cart">
          <Student>
            <Cart />
          </Student>
        </Route>
        <Route path="/sugang/timetable">
          <Student>
            <Timetable />
          </Student>
        </Route>
        <Route path="/student/me">
          <Student>
            <Profile />
          </Student>
        </Route>
        <Route path="/admin/*?">
          <Admin>
            <Switch>
              <Route path="/admin" component={AdminDashboard} />
              <Route path="/admin/monitor" component={AdminMonitor} />
              <Route path="/admin/departments" component={AdminDepartments} />
              <Route path="/admin/professors" component={AdminProfessors} />
              <Route path="/admin/students" component={AdminStudents} />
              <Route path="/admin/students/import" component={AdminStudentsImport} />
              <Route path="/admin/subjects" component={AdminSubjects} />
              <Route path="/admin/sections" component={AdminSections} />
              <Route path="/admin/sections/:sectionId" component={AdminSectionEdit} />
              <Route path="/admin/periods" component={AdminPeriods} />
              <Route path="/admin/posts" component={AdminPosts} />
              <Route path="/admin/notices" component={AdminNotices} />
              <Route path="/admin/audit" component={AdminAudit} />
              <Route component={NotFound} />
            </Switch>
          </Admin>
        </Route>
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
